import { detailView } from '../../src/cards/view-models';
import { renderCard } from '../../src/cards/render';
import { anAction } from '../support/builders';
import { cardText } from '../support/card-validation';

test('text people typed never becomes a link or a template expression; evidence links still work', () => {
  const action = anAction({
    title: 'Fix ${7*7} and [click here](https://evil.example.com)',
    latestUpdate: { text: 'see [the report](javascript:alert(1))', by: 'a@x.org', at: '2026-11-21T10:00:00Z' },
    evidence: [
      {
        url: 'https://council.example.com/audit',
        note: 'https://council.example.com/audit',
        addedBy: 'a',
        addedAt: 'b',
      },
    ],
  });
  const text = cardText(renderCard('action-detail', detailView(action, '2026-11-21')));
  expect(text).toContain('Fix ${7*7} and [click here] (https://evil.example.com)');
  expect(text).toContain('see [the report] (javascript:alert(1))');
  expect(text).toContain('[https://council.example.com/audit](https://council.example.com/audit)');
});

test('evidence on the action card: the item it is for, the words given with it, then its link once', () => {
  const audit = 'https://contoso.sharepoint.com/lac/audit.docx';
  const signed = 'https://contoso.sharepoint.com/lac/signed.pdf';
  const action = anAction({
    evidenceRequired: ['Case file audit report'],
    evidence: [
      { url: audit, note: audit, addedBy: 'a', addedAt: 'b', item: 'Case file audit report' },
      { url: signed, note: `${signed} signed copy`, addedBy: 'a', addedAt: 'b' },
      { url: null, note: 'Board saw it on 3 Nov', addedBy: 'a', addedAt: 'b' },
    ],
  });
  const text = cardText(renderCard('action-detail', detailView(action, '2026-11-21')));
  expect(text).toContain(`Case file audit report: [${audit}](${audit})`);
  expect(text).toContain(`signed copy: [${signed}](${signed})`);
  expect(text).toContain('Board saw it on 3 Nov');
  expect(text.split(signed).length - 1).toBe(2); // once as the link's words, once as its address
});
