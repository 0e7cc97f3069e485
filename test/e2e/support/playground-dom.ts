/**
 * Script injected into the Playground page (as source text, so coverage instrumentation
 * never leaks into the browser). It finds the bot's messages in all three layouts:
 *
 * - chat (personal, group): row = [avatar wrapper, body]; the avatar's grandparent is the message;
 * - channel thread reply:   reply = [header (avatar, name, time), body];
 * - channel top-level post: a Fluent `.fui-Card` whose `.fui-CardHeader` holds the avatar; the
 *   body is what follows the header up to the first separator (replies and the reply box excluded).
 *
 * A bot message is anchored on the bot's avatar, `span[role=img][aria-label=<bot name>]`, outside
 * the sidebar tree and the @mention menu. Each message element is stamped `data-e2e-seq` when
 * first seen (a MutationObserver runs the scan on every change), so "newest" means most recently
 * arrived even in channels, which list posts newest first. A card updated in place keeps its stamp.
 */
export const BOT_MESSAGE_ATTRIBUTE = 'data-e2e-seq';

export interface BotMessage {
  seq: number;
  text: string;
  hasCard: boolean;
}

export interface E2eWindow {
  __e2e: {
    botMessages(): BotMessage[];
    newestCardWithButton(title: string): number;
    newestCardWithInput(label: string): number;
  };
}

export function domHelperScript(botName: string): string {
  return `(() => {
  const BOT = ${JSON.stringify(botName)};
  const SKIP = '[role="tree"],[role="menu"],[role="listbox"],[role="toolbar"]';
  let seq = 0;

  function locate(avatar) {
    const cardHeader = avatar.closest('.fui-CardHeader');
    if (cardHeader) {
      const card = cardHeader.closest('.fui-Card');
      if (!card) return null;
      const body = [];
      for (let n = cardHeader.nextElementSibling; n && n.getAttribute('role') !== 'separator'; n = n.nextElementSibling) {
        if (!n.querySelector('span[role="img"]')) body.push(n);
      }
      return { message: card, body };
    }
    const header = avatar.parentElement;
    const message = header && header.parentElement;
    if (!message) return null;
    return { message, body: Array.from(message.children).filter((c) => c !== header) };
  }

  function scan() {
    const found = [];
    for (const avatar of document.querySelectorAll('span[role="img"][aria-label]')) {
      if (avatar.getAttribute('aria-label') !== BOT || avatar.closest(SKIP)) continue;
      const hit = locate(avatar);
      if (!hit) continue;
      if (!hit.message.dataset.e2eSeq) hit.message.dataset.e2eSeq = String(++seq);
      found.push({ seq: Number(hit.message.dataset.e2eSeq), body: hit.body });
    }
    return found.sort((a, b) => a.seq - b.seq);
  }

  function text(nodes) {
    return nodes.map((n) => n.innerText || '').join('\\n').replace(/\\n{2,}/g, '\\n').trim();
  }

  function cards(m) {
    return m.body.flatMap((n) => Array.from(n.querySelectorAll('.ac-adaptiveCard')));
  }

  function newest(predicate) {
    const hits = scan().filter((m) => cards(m).some(predicate));
    return hits.length ? hits[hits.length - 1].seq : 0;
  }

  function labelled(card, label) {
    for (const l of card.querySelectorAll('label')) if ((l.innerText || '').trim() === label) return true;
    for (const i of card.querySelectorAll('input,textarea')) if (i.getAttribute('placeholder') === label) return true;
    return false;
  }

  window.__e2e = {
    botMessages: () => scan().map((m) => ({ seq: m.seq, text: text(m.body), hasCard: cards(m).length > 0 })),
    newestCardWithButton: (title) => newest((c) => Array.from(c.querySelectorAll('button')).some((b) => b.title === title)),
    newestCardWithInput: (label) => newest((c) => labelled(c, label)),
  };
  new MutationObserver(() => scan()).observe(document, { childList: true, subtree: true });
})();`;
}
