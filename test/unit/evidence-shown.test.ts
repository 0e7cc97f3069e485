import { evidenceLabel, evidenceLine, evidenceShown } from '../../src/domain/evidence-shown';

const AUDIT = 'https://contoso.sharepoint.com/sites/lac/audit.docx';
const SIGNED = 'https://contoso.sharepoint.com/sites/lac/signed.pdf';

describe('a piece of evidence is shown as its item, the words given with it, then its link once', () => {
  test.each<[name: string, stored: { url: string | null; note: string; item?: string | null }, line: string]>([
    [
      'a link for an item, stored as the link',
      { url: AUDIT, note: AUDIT, item: 'Case file audit report' },
      `Case file audit report: ${AUDIT}`,
    ],
    [
      'a link with words, stored with the link among them',
      { url: SIGNED, note: `${SIGNED} signed copy` },
      `signed copy: ${SIGNED}`,
    ],
    ['words before the link, with a colon', { url: SIGNED, note: `Signed copy: ${SIGNED}` }, `Signed copy: ${SIGNED}`],
    ['words in brackets', { url: SIGNED, note: `(signed copy) ${SIGNED}` }, `signed copy: ${SIGNED}`],
    ['the link alone', { url: AUDIT, note: AUDIT }, AUDIT],
    ['the link alone, item null', { url: AUDIT, note: AUDIT, item: null }, AUDIT],
    [
      'an item and words',
      { url: SIGNED, note: `${SIGNED} signed copy`, item: 'Board minutes' },
      `Board minutes — signed copy: ${SIGNED}`,
    ],
    [
      'words that only repeat the item',
      { url: AUDIT, note: `${AUDIT} case file audit report`, item: 'Case file audit report' },
      `Case file audit report: ${AUDIT}`,
    ],
    [
      'a note with no link, shown as written',
      { url: null, note: 'Board saw the (draft) audit on 3 Nov.' },
      'Board saw the (draft) audit on 3 Nov.',
    ],
    [
      'a note for an item',
      { url: null, note: 'board saw it on 3 Nov', item: 'Audit report' },
      'Audit report — board saw it on 3 Nov',
    ],
    ['the link twice in the note', { url: AUDIT, note: `${AUDIT} audit ${AUDIT}` }, `audit: ${AUDIT}`],
  ])('%s', (_name, stored, line) => {
    expect(evidenceLine(stored)).toBe(line);
    expect(evidenceLine(stored).split('https://').length - 1).toBeLessThanOrEqual(1);
  });

  test('the parts, for screens that lay them out (the tab, the cards)', () => {
    const shown = evidenceShown({ url: SIGNED, note: `${SIGNED} signed copy`, item: 'Board minutes' });
    expect(shown).toEqual({ item: 'Board minutes', words: 'signed copy', url: SIGNED });
    expect(evidenceLabel(shown)).toBe('Board minutes — signed copy');
    expect(evidenceLabel(evidenceShown({ url: AUDIT, note: AUDIT }))).toBeNull();
  });
});
