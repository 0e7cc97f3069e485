import { table } from '../../../src/reports/document';
import { docxReport } from '../../../src/reports/docx-report';
import { readDocx } from '../../support/docx-text';
import { APPENDIX, FOSTER_CARERS } from '../../support/report-tables';

/**
 * How the Word report draws a table: a date never breaks (its spaces are non-breaking), and a table too wide for its
 * dates, names and short phrases at 10 pt steps its type down (9, then 8 pt), so they stay whole.
 */
const APPENDIX_TABLE = table(APPENDIX.headers, APPENDIX.rows, 7);
const NARROW = table(['Ref', 'Action', 'Due'], [['SG-1', FOSTER_CARERS, '5 Oct 2026']]);

/** The type sizes (in points) of each table's text, in order. */
const sizesOf = (xml: string) =>
  [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => [
    ...new Set([...t[1].matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2)),
  ]);

test('a wide table is drawn smaller to keep its short texts whole; a narrow one stays at 10 pt', async () => {
  const { xml, tables } = await readDocx(await docxReport({ title: 'Report', blocks: [NARROW, APPENDIX_TABLE] }));
  expect(sizesOf(xml)).toEqual([[10], [8]]);
  // People read the dates as written.
  expect(tables[1][1][6]).toBe('16 Feb 2027 (first 5 Jan 2027)');
});

test('a date in a cell never breaks: its spaces are non-breaking', async () => {
  const { xml } = await readDocx(await docxReport({ title: 'Report', blocks: [APPENDIX_TABLE] }));
  expect(xml).toContain('16\u00a0Feb\u00a02027 (first 5\u00a0Jan\u00a02027)');
  expect(xml).not.toMatch(/\d{1,2} (?:Jan|Feb|Oct) \d{4}/);
});

test('a heading, and the sentence that opens its section, keep with what follows: never alone at the foot of a page', async () => {
  const { xml } = await readDocx(
    await docxReport({
      title: 'Report',
      blocks: [
        { kind: 'heading', level: 1, text: 'Awaiting a decision' },
        { kind: 'paragraph', text: 'A chair or an executive decides each of these.' },
        { kind: 'heading', level: 2, text: 'New dates asked for' },
        NARROW,
        { kind: 'paragraph', text: 'A sentence after a table.' },
      ],
    }),
  );
  const kept = (text: string) => {
    const paragraph = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(`>${text}<`));
    if (!paragraph) throw new Error(`no paragraph ${text}`);
    return paragraph.includes('<w:keepNext/>');
  };
  expect(
    ['Awaiting a decision', 'A chair or an executive decides each of these.', 'New dates asked for'].map(kept),
  ).toEqual([true, true, true]);
  expect(kept('A sentence after a table.')).toBe(false);
});
