import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliOverTestStorage } from '../support/cli';
import { readDocx } from '../support/docx-text';
import { PEOPLE, seedReportPlan } from '../support/report-plan';
import { SECTION_HEADINGS } from '../../src/reports/report-document';

const { cli, storage } = cliOverTestStorage('rep');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));

beforeAll(() => seedReportPlan(storage, 'rp', { chair: PEOPLE.chair }));

describe('action-tracker report', () => {
  test('writes the Word report with every section, says what it is doing, and warns of an unexplained acronym', async () => {
    const out = path.join(tmp, 'report.docx');
    const result = await cli('report', '--plan', 'rp', '--format', 'docx', '--out', out);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/^Reading plan rp and its history…\nWriting the Word report…\n/);
    expect(result.err).toContain("Warning: PEP is not explained in the plan's glossary (used in A-5).");
    expect(result.err).toMatch(
      /Wrote the report on 6 actions, 1 Jun 2026 to \d{1,2} [A-Z][a-z]{2} \d{4}, to .*report\.docx\./,
    );
    const doc = await readDocx(fs.readFileSync(out));
    expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([...SECTION_HEADINGS]);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });

  test('writes the same report as a print-ready HTML page', async () => {
    const out = path.join(tmp, 'report.html');
    const result = await cli(
      'report',
      '--plan',
      'rp',
      '--format',
      'html',
      '--out',
      out,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
    );
    expect(result.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    for (const heading of SECTION_HEADINGS) expect(html).toContain(`<h1>${heading}</h1>`);
    // Dates keep together on one line in the page.
    expect(html).toContain('This report covers 1&nbsp;Nov&nbsp;2026 to 30&nbsp;Nov&nbsp;2026.');
    expect(html).toContain('<td class="rag-red">Red</td>');
  });

  test.each([
    [
      ['--format', 'pdf', '--out', path.join(tmp, 'x.pdf')],
      /argument 'pdf' is invalid. Allowed choices are docx, html/,
    ],
    [['--out', path.join(tmp, 'missing', 'x.docx')], /The folder .*missing does not exist; nothing was written\./],
    [
      ['--out', path.join(tmp, 'y.docx'), '--from', '2026-11-20', '--to', '2026-11-10'],
      /\nThe period starts after it ends: 20 Nov 2026 is after 10 Nov 2026\.\n$/,
    ],
    [
      ['--out', path.join(tmp, 'y.docx'), '--from', '30/09/2026'],
      /--from "30\/09\/2026" is not a date: write it as YYYY-MM-DD/,
    ],
  ])('refuses %p with a clear error and writes nothing', async (args, error) => {
    const result = await cli('report', '--plan', 'rp', ...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(error);
    expect(fs.existsSync(path.join(tmp, 'y.docx'))).toBe(false);
  });

  test('names the plans there are when the plan is unknown', async () => {
    const result = await cli('report', '--plan', 'nope', '--out', path.join(tmp, 'z.docx'));
    expect(result.code).toBe(1);
    expect(result.err).toBe('There is no plan "nope". Plans: rp.\n');
  });
});
