import { detailView } from '../../src/cards/view-models';
import { anAction } from '../support/builders';

const update = (by: string) => ({ text: 'waiting for IT', by, at: '2026-11-21T10:00:00Z' });

describe('the action card', () => {
  test.each([
    [
      'the owner, named on the action',
      anAction({ latestUpdate: update('alexw@example.com') }),
      undefined,
      'waiting for IT (Alex Wilber, 21 Nov 2026)',
    ],
    [
      'someone the directory knows',
      anAction({ latestUpdate: update('meganb@example.com') }),
      (e: string) => (e === 'meganb@example.com' ? 'Megan Bowen' : e),
      'waiting for IT (Megan Bowen, 21 Nov 2026)',
    ],
    [
      'someone nobody has named yet, by email',
      anAction({ latestUpdate: update('new@example.com') }),
      undefined,
      'waiting for IT (new@example.com, 21 Nov 2026)',
    ],
  ])('the latest update names %s', (_d, action, nameOf, line) => {
    expect(detailView(action, '2026-11-21', null, nameOf).latestUpdate).toBe(line);
  });

  test.each([
    ['On track', 'On track · Red'],
    ['Complete', 'Complete'],
    ['Cancelled', 'Cancelled'],
  ] as const)('a %s action’s status line says each thing once: %s', (status, line) => {
    const view = detailView(anAction({ status, originalDueDate: '2026-10-01' }), '2026-11-21');
    expect(view.facts.find((f) => f.title === 'Status')?.value).toBe(line);
    expect(view.summary.line).not.toMatch(/(\w+) · \1/);
  });
});
