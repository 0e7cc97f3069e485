import { reportGlossary } from '../../../src/domain/report/report-glossary';
import { escapeHtml, htmlReport } from '../../../src/reports/html-report';
import { latestWordsLine, slipSentence } from '../../../src/reports/news-sections';
import { Words } from '../../../src/reports/words';
import { formatUkDate } from '../../../src/domain/calendar';
import { anAction } from '../../support/builders';

const w: Words = {
  date: (d) => (d ? formatUkDate(d) : 'no date'),
  day: (at) => formatUkDate(at.slice(0, 10)),
  person: (e) => e,
  owner: (a) => a.owner?.displayName ?? 'No owner',
  rag: (r) => r,
  days: (n) => `${n} days`,
  evidence: () => '',
};

describe('a slip, phrased plainly', () => {
  const action = anAction({ ref: 'SG-4', title: 'Roll out laptops' });
  const slip = {
    action,
    original: '2026-06-30',
    from: '2026-06-30',
    to: '2026-09-30',
    at: '2026-08-12T10:00:00Z',
    by: 'x',
  };
  test.each([
    ['supplier problems', ' Reason: supplier problems.'],
    ['because the supplier went bust.', ' Because the supplier went bust.'],
    ['due to supplier problems', ' Due to supplier problems.'],
    [null, ' No reason was recorded.'],
  ])('reason %p', (reason, tail) => {
    expect(slipSentence({ ...slip, reason }, w)).toBe(
      `SG-4, Roll out laptops (Alex Wilber): the due date moved from 30 Jun 2026 to 30 Sep 2026 on 12 Aug 2026.${tail}`,
    );
  });
  test('a second move says when it was first due', () => {
    expect(slipSentence({ ...slip, from: '2026-09-30', to: '2026-10-31', reason: null }, w)).toMatch(
      /moved from 30 Sep 2026 to 31 Oct 2026 on 12 Aug 2026\. No reason was recorded\. It was first due 30 Jun 2026\.$/,
    );
  });
});

describe('the latest words about a delayed or at-risk action, with who and when', () => {
  const said = { text: 'supplier problems', by: 'Chair', at: '2026-11-05T15:00:00Z' };
  test.each([
    [{ ...said, about: 'update' as const }, 'supplier problems (Chair, 5 Nov 2026)'],
    [
      { ...said, about: 'status' as const, status: 'At risk' as const },
      'Marked at risk: supplier problems (Chair, 5 Nov 2026)',
    ],
    [
      { ...said, about: 'dueDate' as const, to: '2026-12-31' },
      'Due date moved to 31 Dec 2026: supplier problems (Chair, 5 Nov 2026)',
    ],
    [null, 'No update or reason recorded'],
  ])('%p', (words, line) => {
    expect(latestWordsLine(words, w)).toBe(line);
  });
});

describe("the report's glossary", () => {
  test.each([
    ['explained by the plan', 'Refer to CAMHS', [['CAMHS', 'RAG']], []],
    ['plural of an explained acronym', 'Two IROs', [['IRO', 'RAG']], []],
    ['not explained', 'The PEP review', [['RAG']], ['PEP']],
    ['well known', 'NHS and UK', [['RAG']], []],
    ['glossary term written in another case', 'Ask the Lscb', [['RAG']], []],
  ])('%s', (_, text, [terms], warned) => {
    const glossary = reportGlossary(
      [{ ref: 'A-1', text }],
      [
        { term: 'CAMHS', meaning: 'Child and adolescent mental health services' },
        { term: 'IRO', meaning: 'Independent reviewing officer' },
      ],
    );
    expect(glossary.entries.map((e) => e.term)).toEqual(terms);
    expect(glossary.warnings.map((x) => x.acronym)).toEqual(warned);
  });
});

describe('the HTML page', () => {
  test('escapes every text, and has no script or external asset', () => {
    const html = htmlReport({
      title: '<script>alert(1)</script>',
      blocks: [
        { kind: 'paragraph', text: 'a & b "c" \'d\'' },
        { kind: 'table', headers: ['RAG'], rows: [['Red'], ['<img src=x>']], ragColumn: 0 },
      ],
    });
    const tags = new Set([...html.matchAll(/<([!a-z0-9]+)/gi)].map((m) => m[1].toLowerCase()));
    expect([...tags].sort()).toEqual(
      [
        '!doctype',
        'body',
        'h1',
        'head',
        'html',
        'meta',
        'p',
        'style',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'title',
        'tr',
      ].sort(),
    );
    expect(html).not.toMatch(/@import|url\(|https?:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<td class="rag-red">Red</td>');
    expect(html).toContain('@page { size: A4');
    expect(escapeHtml('a & b "c" \'d\'')).toBe('a &amp; b &quot;c&quot; &#39;d&#39;');
  });

  test('keeps references and dates on one line, wherever a date is', () => {
    const html = htmlReport({
      title: 'Plan',
      blocks: [
        { kind: 'paragraph', text: 'This report covers 1 Nov 2026 to 30 Nov 2026.' },
        { kind: 'bullets', items: ['moved from 5 Jan 2027 to 31 Mar 2027 on 12 Nov 2026'] },
        {
          kind: 'table',
          headers: ['Ref', 'Action', 'Due date', 'RAG'],
          rows: [['LAC-1', 'Audit 12 files in Jan 2027', '5 Jan 2027 (first 31 Oct 2026)', 'Red']],
          ragColumn: 3,
        },
      ],
    });
    expect(html).toContain('<p>This report covers 1&nbsp;Nov&nbsp;2026 to 30&nbsp;Nov&nbsp;2026.</p>');
    expect(html).toContain(
      '<li>moved from 5&nbsp;Jan&nbsp;2027 to 31&nbsp;Mar&nbsp;2027 on 12&nbsp;Nov&nbsp;2026</li>',
    );
    expect(html).toContain(
      '<tr><td class="ref">LAC-1</td><td>Audit 12 files in Jan 2027</td>' +
        '<td>5&nbsp;Jan&nbsp;2027 (first 31&nbsp;Oct&nbsp;2026)</td><td class="rag-red">Red</td></tr>',
    );
    expect(html).toMatch(/td\.ref \{ white-space: nowrap; \}/);
  });
});
