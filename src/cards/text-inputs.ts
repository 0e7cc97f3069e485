import { TEXT_LIMITS, type TextKind } from '../domain/text-limits';

/**
 * What each text box on a card holds, by its input id: its `maxLength` comes
 * from TEXT_LIMITS, so the card stops people at the limit the domain enforces.
 */
export const CARD_TEXT_INPUTS = {
  evidence: 'evidence',
  updateReason: 'reason',
  note: 'note',
  requestReason: 'reason',
  decisionComment: 'comment',
  overrideReason: 'reason',
  measureValue: 'value',
  measureNote: 'note',
} as const satisfies Record<string, TextKind>;

type CardTextInput = keyof typeof CARD_TEXT_INPUTS;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCardTextInput = (id: unknown): id is CardTextInput =>
  typeof id === 'string' && Object.hasOwn(CARD_TEXT_INPUTS, id);

/**
 * A copy of a card template with each `Input.Text`'s `maxLength` set from the
 * table. A text box the table does not name is a mistake in the template, so
 * it throws (every template is rendered by the unit tests).
 */
export function withTextLimits(template: unknown): unknown {
  if (Array.isArray(template)) return template.map(withTextLimits);
  if (!isObject(template)) return template;
  const copy = Object.fromEntries(Object.entries(template).map(([k, v]) => [k, withTextLimits(v)]));
  if (copy.type !== 'Input.Text') return copy;
  const id = copy.id;
  if (!isCardTextInput(id)) throw new Error(`Card text input ${JSON.stringify(id)} has no entry in CARD_TEXT_INPUTS`);
  return { ...copy, maxLength: TEXT_LIMITS[CARD_TEXT_INPUTS[id]] };
}
