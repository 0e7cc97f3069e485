import * as AC from 'adaptivecards';

/** What the Adaptive Cards renderer objects to in a card: unknown elements, bad values, a wrong version. */
export function cardProblems(card: object): string[] {
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  new AC.AdaptiveCard().parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
}

export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Every piece of text a person would see on the card, in order. */
export function cardText(node: unknown): string {
  if (Array.isArray(node)) return node.map(cardText).filter(Boolean).join('\n');
  if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const own = ['text', 'title', 'value'].map((k) => (typeof record[k] === 'string' ? record[k] : '')).filter(Boolean);
    const children = Object.entries(record)
      .filter(([k]) => !['text', 'title', 'value'].includes(k))
      .map(([, v]) => cardText(v))
      .filter(Boolean);
    return [...own, ...children].join('\n');
  }
  return '';
}
