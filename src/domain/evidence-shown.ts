import { tidyWords } from './evidence-words';
import type { Evidence } from './types';

/**
 * A piece of evidence as everyone sees it (chat, cards, the tab, the committee report, the digest): the required
 * item it is for, the words the person gave with it, then its link. Evidence is stored as typed, so its note may
 * be the link itself ("https://…/audit.docx") or hold it among the words ("https://…/signed.pdf signed copy"):
 * the link is shown once, after the words, whichever way it was stored.
 */
export interface EvidenceShown {
  /** The required item it is for, as the plan names it; null for evidence linked to none. */
  item: string | null;
  /** The words the person gave, without the link; null when the link was all they gave. */
  words: string | null;
  url: string | null;
}

export function evidenceShown(evidence: Pick<Evidence, 'url' | 'note' | 'item'>): EvidenceShown {
  const item = evidence.item?.trim() || null;
  const url = evidence.url?.trim() || null;
  const note = (evidence.note ?? '').trim();
  // A note with no link is shown as written; around a link, the separators left behind (": ", "(…)") go too.
  const said = url ? tidyWords(note.split(url).join(' ')) : note || null;
  // Words that only repeat the item's name add nothing.
  const words = said && item && said.toLowerCase() === item.toLowerCase() ? null : said;
  return { item, words, url };
}

/** "Case file audit report — signed copy": the item and the words, without the link; null when there are neither. */
export function evidenceLabel(shown: EvidenceShown): string | null {
  const parts = [shown.item, shown.words].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' — ') : null;
}

/** "Case file audit report — signed copy: https://…/signed.pdf": a piece of evidence as one line of plain text. */
export function evidenceLine(evidence: Pick<Evidence, 'url' | 'note' | 'item'>): string {
  const shown = evidenceShown(evidence);
  const label = evidenceLabel(shown);
  if (label && shown.url) return `${label}: ${shown.url}`;
  return label ?? shown.url ?? '';
}
