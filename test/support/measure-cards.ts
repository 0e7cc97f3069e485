import { renderCard } from '../../src/cards/render';
import { CardActionResult, CardActions } from '../../src/services/card-actions';
import { importPlan } from '../../src/services/import-plan';
import { Storage } from '../../src/store/open-storage';
import { cardProblems, cardText } from './card-validation';

export const NOW = new Date('2026-11-30T10:00:00Z');
export const ALEX = { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex Wilber' };

/** Imports a plan of Alex's actions from CSV lines, as an administrator does, and fails the test if it is refused. */
export async function importAlexPlan(storage: Storage, planId: string, title: string, csv: string[]): Promise<void> {
  const report = await importPlan(storage, {
    planId,
    file: { name: 'plan.csv', bytes: new TextEncoder().encode(csv.join('\n')) },
    baseline: '2026-01-01',
    title,
    by: 'admin@example.com',
    now: NOW,
    today: '2026-11-30',
  });
  expect(report.ok).toBe(true);
}

/** Alex pressing a button on a card of the plan `planId`. */
export function alexPresses(storage: Storage, planId: string) {
  const actions = new CardActions(storage, {});
  return (verb: string, data: Record<string, unknown>) =>
    actions.handle({ verb, data: { planId, owner: ALEX.email, ...data }, user: ALEX, now: NOW });
}

/** The text Alex sees after a press: a card's text once the renderer has nothing to object to, or the plain reply. */
export function seen(result: CardActionResult): string {
  if (result.kind !== 'card') return result.text;
  const card = renderCard(result.card, result.data);
  expect(cardProblems(card)).toEqual([]);
  return cardText(card);
}
