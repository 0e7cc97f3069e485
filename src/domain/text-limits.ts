/**
 * The most characters each kind of text people write may have. The one
 * source: the domain's checks, the card buttons' schemas and the card
 * templates' `maxLength`s (filled in when a card is loaded) all read it.
 */
export const TEXT_LIMITS = {
  /** An action's title, as imported. */
  title: 2000,
  /** A progress note. */
  note: 1000,
  /** Why a date moves, or why a new one is asked for. */
  reason: 1000,
  /** One piece of evidence typed in chat or on a card (an imported cell may hold several). */
  evidence: 1000,
  /** What a decider adds to a decision, a sign-off or a status change. */
  comment: 1000,
  /** A measure's value as typed ("76%", "1,200", "yes"). */
  value: 100,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

export type TextProblem = { code: 'empty' } | { code: 'tooLong'; length: number; max: number };

/** Whether `text` is a usable piece of `kind`: not blank, and within its limit. */
export function textProblem(kind: TextKind, text: string): TextProblem | null {
  if (text.trim() === '') return { code: 'empty' };
  const max = TEXT_LIMITS[kind];
  return text.length > max ? { code: 'tooLong', length: text.length, max } : null;
}
