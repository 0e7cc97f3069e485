import { CARD_BUDGET_BYTES, fitCount, utf16Bytes } from '../domain/card-budget';
import { AdaptiveCard, CardName, renderCard } from './render';

/**
 * A card within Teams' size limit: `build(shown)` draws it with the first
 * `shown` of `total` list items (and says how many more there are). The
 * whole list is tried first, so a card that fits is drawn once.
 */
export function fitted<V extends object>(
  name: CardName,
  total: number,
  build: (shown: number) => V,
): { view: V; card: AdaptiveCard } {
  const draw = (shown: number) => {
    const view = build(shown);
    return { view, card: renderCard(name, view) };
  };
  const whole = draw(total);
  if (utf16Bytes(whole.card) <= CARD_BUDGET_BYTES) return whole;
  return draw(fitCount(total, (shown) => utf16Bytes(draw(shown).card) <= CARD_BUDGET_BYTES));
}
