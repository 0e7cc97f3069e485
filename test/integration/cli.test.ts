import { cliOverTestStorage, runCliWith, scratchFolder } from '../support/cli';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { FakeConnector } from '../support/fake-connector';
import { personalChat } from '../support/builders';
import { demoPlanFile } from '../../src/services/demo-seed';
import { projectRoot } from '../../src/project-root';

/** The shared Ofsted fixture, or the copy in demo/ when the repository is cloned on its own. */
const FIXTURE = demoPlanFile(projectRoot());
const importOfsted = (into: NodeJS.ProcessEnv) =>
  runCliWith(into, [
    'import',
    FIXTURE,
    '--plan',
    'ofsted-2011',
    '--title',
    'Ofsted safeguarding and looked after children 2011',
    '--baseline',
    '2011-08-19',
  ]);

/** The tables most tests read: the Ofsted plan, imported once. */
const { env, cli, storage } = cliOverTestStorage('cli');
beforeAll(() => importOfsted(env));

describe('the action-tracker command line', () => {
  const files = scratchFolder('cli-');

  test('imports the Ofsted plan', async () => {
    // Tables of their own: a test that changes the plan in ways others would notice uses a fresh set.
    const result = await importOfsted(cliOverTestStorage('cli').env);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Imported 22 actions into plan ofsted-2011: 22 new, 0 changed, 0 unchanged/);
    expect(result.err).toMatch(/Warning: "CAMHS" \(in SG-9\) is not explained/);
  });

  test('lists the overdue actions as a readable table', async () => {
    const result = await cli('list', '--plan', 'ofsted-2011', '--overdue');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(
      /^Ofsted safeguarding and looked after children 2011: 21 actions overdue, as of \d{1,2} [A-Z][a-z]{2} \d{4}$/,
    );
    expect(lines[2]).toMatch(/^Ref\s+Action\s+Owner\s+Due\s+Days overdue\s+Status\s+RAG$/);
    expect(result.out).toMatch(
      /SG-1\s+Ensure that the outcomes.*alexw@example\.com\s+19 Aug 2011\s+\d+\s+On track\s+Red/,
    );
    expect(result.out).not.toMatch(/LAC-1\b/); // complete, so not overdue
  });

  test('exports CSV with due dates, status, RAG and owner', async () => {
    const result = await cli('export', '--plan', 'ofsted-2011', '--format', 'csv');
    expect(result.code).toBe(0);
    expect([...result.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = result.out.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Ref,Theme,Action,Timescale,Owner,Agency,Original due date,Current due date,Reason for new date,Status,RAG,Days overdue,Latest update,Measure,Evidence,Evidence required,Evidence due,' +
        'Measure unit,Measure baseline,Measure baseline date,Measure target,Measure target date,Measure direction,Measure frequency,Latest value,Value period,Measure status,Measure trend',
    );
    expect(lines).toHaveLength(23);
    expect(lines.find((l) => l.startsWith('SG-7,'))).toMatch(
      /,lynner@example\.com,Council,19 Nov 2011,19 Nov 2011,,Not started,Red,\d+,,Chronology module live/,
    );
  });

  test('exports XLSX with real dates', async () => {
    const out = files.at('plan.xlsx');
    const result = await cli('export', '--plan', 'ofsted-2011', '--format', 'xlsx', '--out', out);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(23);
    expect(sheet.getRow(1).getCell(1).value).toBe('Ref');
    // In the order of the plan's file, which begins with SG-1 (see plan-order.ts).
    expect(sheet.getRow(2).getCell(1).value).toBe('SG-1');
    const lac1 = sheet.getRows(2, 22)!.find((row) => row.getCell(1).value === 'LAC-1')!;
    expect(lac1.getCell(7).value).toEqual(new Date('2011-08-19T00:00:00Z'));
    expect(lac1.getCell(11).value).toBe('Complete');
  });

  test('an exported file can be imported again without changing anything', async () => {
    const out = files.at('round-trip.csv');
    await cli('export', '--plan', 'ofsted-2011', '--out', out);
    const result = await cli('import', out, '--plan', 'ofsted-2011');
    expect(result.err).toMatch(
      /Ignored columns the export computes: RAG, Days overdue, Latest update, Latest value, Value period, Measure status, Measure trend \(/,
    );
    expect(result.err).not.toMatch(/not used and were ignored/);
    expect(result.out).toMatch(/0 new, 0 changed, 22 unchanged/);
  });

  test('a bad file prints every problem with its row and exits 1', async () => {
    const bad = files.write('bad.csv', 'ref,action,due\nA-1,Fine,31/02/2026\nA-1,Again,\n');
    const result = await cli('import', bad, '--plan', 'bad-plan', '--baseline', '2026-01-01');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /Nothing was imported: the file has 2 problems\.\n {2}Row 2: the due date "31\/02\/2026".*\n {2}Row 3: the reference A-1 is already used on row 2/,
    );
    expect((await cli('list', '--plan', 'bad-plan')).err).toMatch(/There is no plan "bad-plan"\. Plans: ofsted-2011\./);
  });

  test('a file that is not there is a mistake in the command: exit 2, as the README says, for a plan and a performance book', async () => {
    const missing = files.at('no-such-plan.csv');
    for (const args of [
      ['import', missing, '--plan', 'ofsted-2011'],
      ['measures', 'import', missing, '--plan', 'ofsted-2011'],
    ]) {
      const result = await cli(...args);
      expect([result.code, result.err]).toEqual([2, `There is no file at ${missing}.\n`]);
    }
    // A folder named as the file is the same mistake.
    expect((await cli('import', path.dirname(missing), '--plan', 'ofsted-2011')).code).toBe(2);
  });

  test('roles can be granted, listed and revoked', async () => {
    expect(
      (await cli('roles', 'grant', 'Chair@Example.com', 'chair', '--plan', 'ofsted-2011', '--name', 'Pat Chair')).out,
    ).toMatch(/chair@example\.com now has: chair \(plan ofsted-2011\)/);
    expect((await cli('roles', 'grant', 'admin@example.com', 'admin')).out).toMatch(/now has: admin \(every plan\)/);
    // Granted without --name: the list shows the name Teams gave the person once the bot has met them.
    await storage.people.link({ email: 'admin@example.com', name: 'Ada Admin', updatedAt: new Date().toISOString() });
    const listed = await cli('roles', 'list', '--plan', 'ofsted-2011');
    expect(listed.out).toMatch(/admin@example\.com\s+Ada Admin\s+admin\s+every plan/);
    expect(listed.out).toMatch(/chair@example\.com\s+Pat Chair\s+chair\s+ofsted-2011/);
    expect((await cli('roles', 'revoke', 'chair@example.com', 'chair', '--plan', 'ofsted-2011')).out).toMatch(
      /now has: no roles/,
    );
    // Without --plan, every role in every plan (it had said "Nobody has a role yet").
    await cli('roles', 'grant', 'chair@example.com', 'executive', '--plan', 'ofsted-2011');
    expect((await cli('roles', 'list')).out).toMatch(
      /admin@example\.com\s+Ada Admin\s+admin\s+every plan\n.*chair@example\.com\s+Pat Chair\s+executive\s+ofsted-2011/s,
    );
    // A typo in the plan id is refused, not granted to a plan nobody reads.
    const typo = await cli('roles', 'grant', 'bob@example.com', 'chair', '--plan', 'ofsted-2o11');
    expect(typo.code).not.toBe(0);
    expect(typo.err).toMatch(/There is no plan "ofsted-2o11"\. Plans: .*ofsted-2011/);
    expect((await cli('roles', 'grant', 'bob@example.com', 'chair', '--plan', 'ofsted-2O11')).err).toMatch(
      /"ofsted-2O11" is not a usable plan id/,
    );
    expect((await cli('roles', 'list')).out).not.toMatch(/bob@example\.com/);
    const missing = await cli('roles', 'list', '--plan', 'ofsted-2012');
    expect(missing.err).toMatch(/There is no plan "ofsted-2012"\. Plans: .*ofsted-2011/);
    const wrong = await cli('roles', 'grant', 'someone', 'king');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/"someone" is not an email address/);
  });

  test('history shows each change with who and how', async () => {
    const result = await cli('history', 'sg1', '--plan', 'ofsted-2011');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/^When\s+Who\s+How\s+What changed\n/);
    // The first import is one line, by the account that ran it (cli:<user>); times are UK time; nothing is ISO or "(none)".
    expect(result.out).toMatch(
      /\n\d{1,2} [A-Z][a-z]{2} 20\d\d \d\d:\d\d\s+cli:\S+\s+import\s+Imported: due \d{1,2} [A-Z][a-z]{2} 20\d\d, owner alexw@example\.com \(Council\), on track\n/,
    );
    expect(result.out).not.toMatch(/\d{4}-\d\d-\d\d|\(none\)|demo-seed/);
  });

  test('an unknown option exits 2, on a command and on a subcommand, as the README says', async () => {
    for (const args of [
      ['list', '--plan', 'ofsted-2011', '--bogus'],
      ['roles', 'grant', 'a@example.com', 'chair', '--bogus'],
      ['--bogus'],
      ['remind', '--nw'],
    ]) {
      const result = await cli(...args);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/unknown option/);
    }
  });

  test('usage mistakes exit 2 with help', async () => {
    const result = await cli('export', '--format', 'pdf', '--plan', 'x');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Allowed choices are csv, xlsx/);
  });
});

describe('the weekly jobs from the command line', () => {
  test('remind without --now or --dry-run explains itself', async () => {
    const result = await cli('remind', '--plan', 'ofsted-2011');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Add --now to send the reminder now, or --dry-run/);
  });

  test('a dry run lists who would get what, sends nothing, and says who cannot be reached', async () => {
    const result = await cli('remind', '--plan', 'ofsted-2011', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/alexw@example.com\s+SG-1, SG-4/);
    expect(result.out).toMatch(/Dry run: nothing was sent\. 0 reminders would go out; \d+ owners cannot be reached\./);
  });

  test('--json prints the cards', async () => {
    const result = await cli('remind', '--plan', 'ofsted-2011', '--dry-run', '--json');
    const report = JSON.parse(result.out) as { recipients: { key: string; card: { type: string } }[] };
    expect(report.recipients.find((r) => r.key === 'alexw@example.com')?.card.type).toBe('AdaptiveCard');
  });

  test('--now sends; the second run that week sends nothing and says so', async () => {
    // Its own tables, as it links Alex and records the week's run.
    const own = cliOverTestStorage('cli');
    expect((await importOfsted(own.env)).code).toBe(0);
    const { cli, storage } = own;
    const connector = new FakeConnector();
    const url = await connector.start();
    await storage.people.link({
      email: 'alexw@example.com',
      name: 'Alex Wilber',
      personalChat: personalChat(url, 'user-id-0'),
      updatedAt: new Date().toISOString(),
    });
    try {
      const first = await cli('remind', '--plan', 'ofsted-2011', '--now');
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/Alex Wilber <alexw@example.com>\s+SG-1, SG-4[^\n]*\ssent\n/);
      expect(first.out).toMatch(
        /^This week's reminders \(week of \d{1,2} [A-Z][a-z]{2} \d{4}\): sent 1, already sent 0, cannot be reached \d+, refused by Teams 0, failed 0\./m,
      );
      expect(first.out).not.toMatch(/remind\|/);
      expect(connector.sent).toHaveLength(1);
      const second = await cli('remind', '--plan', 'ofsted-2011', '--now');
      expect(second.out).toMatch(
        /Nothing new sent: 1 owner already had this week's reminders \(week of \d{1,2} [A-Z][a-z]{2} \d{4}\), and \d+ still cannot be reached\. Add --force/,
      );
      expect(connector.sent).toHaveLength(1);
      // The dry run says what --now would do now: Alex already has it.
      const dry = await cli('remind', '--plan', 'ofsted-2011', '--dry-run');
      expect(dry.out).toMatch(/Alex Wilber <alexw@example.com>\s+SG-1, SG-4[^\n]*\salready sent\n/);
      expect(dry.out).toMatch(
        /0 reminders would go out; 1 owner already had this week's reminders \(week of [^)]*\); \d+ owners cannot be reached\./,
      );
      const forced = await cli('remind', '--plan', 'ofsted-2011', '--now', '--force');
      expect(forced.out).toMatch(/^A fresh send of this week's reminders \(week of [^)]*\): sent 1,/m);
      expect(forced.out).not.toMatch(/forced-/);
      // Owners are listed by the name the bot knows them by, where the plan gives only an email.
      const list = await cli('list', '--plan', 'ofsted-2011', '--owner', 'alexw@example.com');
      expect(list.out).toMatch(/SG-1 .*Alex Wilber/);
      expect(list.out).not.toMatch(/SG-1 .*alexw@example.com/);
      // The name shown in the Owner column is what people type back.
      expect((await cli('list', '--plan', 'ofsted-2011', '--owner', 'alex wilber')).out).toEqual(
        list.out.replace('alexw@example.com', 'alex wilber'),
      );
      const nobody = await cli('list', '--plan', 'ofsted-2011', '--owner', 'Alex Wilbur');
      expect(nobody.code).toBe(1);
      expect(nobody.err).toMatch(/Nobody called "Alex Wilbur" owns an action in .*: .*Alex Wilber/);
    } finally {
      await connector.stop();
    }
  });

  test('the digest needs a bound conversation, and says how to bind one', async () => {
    const result = await cli('digest', '--plan', 'ofsted-2011', '--now');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/type "use plan ofsted-2011 here"/);
  });
});
