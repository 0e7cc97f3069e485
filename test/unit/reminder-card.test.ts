import { decisionsView } from '../../src/cards/decisions-view';
import { reminderView } from '../../src/cards/reminder-view';
import { renderCard } from '../../src/cards/render';
import { anAction } from '../support/builders';
import { cardBytes, cardProblems, cardText } from '../support/card-validation';

const TODAY = '2026-11-21';
const longTitle = (i: number) => `Ensure that action number ${i} is carried out in full, with the partner agencies, and that progress is reported to the improvement board every month without fail`;
const fifty = Array.from({ length: 50 }, (_, i) =>
  anAction({ ref: `SG-I-${i + 1}`, title: longTitle(i + 1), originalDueDate: '2026-10-01', dateRequest: { date: '2027-01-31', reason: 'waiting for the supplier to deliver the equipment and for staff training to finish', by: 'someone.with.a.long.name@council.gov.uk', at: '2026-11-20T10:00:00Z' }, status: 'Complete', evidence: [{ url: 'https://council.sharepoint.com/sites/improvement/Shared%20Documents/evidence/audit-report.pdf', note: 'x', addedBy: 'a', addedAt: 'b' }] }),
);

describe('cards stay valid and under Teams’ 28 KB', () => {
  test('a reminder for an owner with 50 actions', () => {
    const overdue = fifty.map((a) => ({ ...a, status: 'Not started' as const }));
    const card = renderCard('reminder', reminderView('ofsted-2011', 'Ofsted safeguarding and looked after children', { email: 'alexw@example.com', teamsUserId: 'user-id-0' }, overdue, TODAY));
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(28 * 1024);
    expect(cardText(card)).toMatch(/Your actions this week: 50 overdue/);
    expect(card.refresh).toEqual({ action: expect.objectContaining({ verb: 'refreshReminder' }), userIds: ['user-id-0'] });
  });

  test('a reminder with more than 50 says only the most urgent are shown', () => {
    const many = [...fifty, ...fifty.map((a) => ({ ...a, ref: `${a.ref}-b` }))];
    const card = renderCard('reminder', reminderView('p', 'Plan', { email: 'a@x.org', teamsUserId: null }, many, TODAY));
    expect(cardText(card)).toMatch(/the 50 most urgent are shown/);
    expect(cardBytes(card)).toBeLessThan(28 * 1024);
  });

  test('a decisions card with many waiting requests and sign-offs', () => {
    const card = renderCard('decisions', decisionsView('p', 'Plan', fifty, ['user-id-0', 'user-id-1'], TODAY));
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(28 * 1024);
    expect(cardText(card)).toMatch(/New dates asked for[\s\S]*Complete, waiting for sign-off/);
  });

  test('with nothing to decide, there are no buttons', () => {
    const card = renderCard('decisions', decisionsView('p', 'Plan', [], [], TODAY));
    expect(cardText(card)).toMatch(/Nothing is waiting for a decision/);
    for (const verb of ['approveDate', 'declineDate', 'signOff']) expect(JSON.stringify(card)).not.toContain(`"verb":"${verb}"`);
  });
});
