/**
 * The evidence matrix from a file and back, the limbo setting on the command line, and the weekly digest
 * escalating limbo and overdue evidence: the real command line and the real digest job over real Azurite.
 */
import fs from 'node:fs';
import { addDays, todayIn } from '../../src/domain/calendar';
import { diffActions, historyEntry } from '../../src/domain/history';
import { runDigest } from '../../src/jobs/digest';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';
import { cliOverTestStorage, scratchFolder } from '../support/cli';

jest.setTimeout(60_000);

const { cli, storage } = cliOverTestStorage('ev');
const files = scratchFolder('evidence-');

const PLAN = [
  'ref,action,owner,status,evidence_required,evidence_due',
  'R1,Audit the case files,alexw@example.com,Complete,Audit report; Training records,31/01/2027',
  'R2,Train the staff,meganb@example.com,On track,,',
].join('\n');

describe('import and export', () => {
  beforeAll(async () => {
    const file = files.write('plan.csv', PLAN);
    const result = await cli('import', file, '--plan', 'matrix', '--baseline', '2026-07-01');
    expect(result.code).toBe(0);
  });

  test('evidence_required and evidence_due are read into the action', async () => {
    expect((await storage.actions.get('matrix', 'R1'))!.value).toMatchObject({
      evidenceRequired: ['Audit report', 'Training records'],
      evidenceDue: '2027-01-31',
    });
    expect((await storage.actions.get('matrix', 'R2'))!.value.evidenceRequired).toBeUndefined();
  });

  test('the export lists them, and an exported file imports again changing nothing', async () => {
    const out = files.at('export.csv');
    expect((await cli('export', '--plan', 'matrix', '--format', 'csv', '--out', out)).code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('Evidence required,Evidence due');
    expect(text).toContain('Audit report; Training records,31 Jan 2027');
    const again = await cli('import', out, '--plan', 'matrix');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 new, 0 changed, 2 unchanged/);
  });

  test('a bad evidence date is refused by row, and nothing changes', async () => {
    const file = files.write('bad.csv', PLAN.replace('31/01/2027', '31/02/2027'));
    const result = await cli('import', file, '--plan', 'matrix');
    expect(result.code).not.toBe(0);
    expect(result.text).toContain('Row 2: the evidence due date "31/02/2027" is not a date we can use');
    expect((await storage.actions.get('matrix', 'R1'))!.value.evidenceDue).toBe('2027-01-31');
  });
});

describe('the limbo setting', () => {
  test('shows the default, changes, and refuses a number that is not one', async () => {
    expect((await cli('settings', '--plan', 'matrix')).text).toContain(
      'an action complete but not signed off for more than 4 weeks (the default) is escalated in the weekly digest',
    );
    const set = await cli('settings', '--plan', 'matrix', '--limbo-weeks', '6');
    expect(set.code).toBe(0);
    expect(set.text).toContain('for more than 6 weeks is escalated');
    expect((await storage.plans.get('matrix'))!.limboWeeks).toBe(6);
    for (const bad of ['0', 'four', '2.5', '53']) {
      const refused = await cli('settings', '--plan', 'matrix', '--limbo-weeks', bad, '--separation-of-duties', 'off');
      expect(refused.code).toBe(2);
      expect(refused.text).toContain('is not a setting for --limbo-weeks');
    }
    // A mistake in one setting changes neither.
    expect((await storage.plans.get('matrix'))!).toMatchObject({
      limboWeeks: 6,
      separationOfDuties: { enforced: true },
    });
  });
});

describe('the weekly digest', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
    const now = new Date();
    const today = todayIn(now);
    const current = (await h.storage.actions.get(DEMO_PLAN_ID, 'SG-12'))!;
    const after = {
      ...current.value,
      status: 'Complete' as const,
      evidenceRequired: ['Audit report', 'Case file sample'],
      evidenceDue: addDays(today, -3),
    };
    // Completed 40 UK days ago, by its history: midday UTC is the same date in London all year, so the count
    // does not depend on the hour the test runs.
    const at = `${addDays(today, -40)}T12:00:00.000Z`;
    const history = historyEntry(after, diffActions(current.value, after), {
      by: 'isaiah@example.com',
      via: 'chat',
      at,
    });
    await h.storage.actions.write(DEMO_PLAN_ID, [{ action: after, current, history }]);
    const reference = { conversation: { id: '19:limbo@thread.tacv2', conversationType: 'channel', tenantId: 'x' } };
    await h.storage.conversations.saveReference({
      conversationId: '19:limbo@thread.tacv2',
      kind: 'channel',
      tenantId: 'x',
      reference,
      updatedAt: now.toISOString(),
    });
    await h.storage.conversations.bindPlan('19:limbo@thread.tacv2', DEMO_PLAN_ID);
  });
  afterAll(() => h?.stop());

  const digestCard = async () => {
    const report = await runDigest(
      h.deps(),
      { planId: DEMO_PLAN_ID, now: new Date(), dryRun: true },
      { leaseMs: 2000 },
    );
    return JSON.stringify(report.recipients[0].card);
  };

  test('an action complete longer than the plan allows is escalated with its age and the evidence missing', async () => {
    const card = await digestCard();
    expect(card).toContain('In limbo: complete, not signed off for over 4 weeks');
    expect(card).toMatch(/SG-12[\s\S]{0,600}complete for 40 days · still missing: Audit report, Case file sample/);
    expect(card).toContain('Evidence overdue');
    expect(card).toMatch(/evidence was due [^"]* \(3 days ago\) · still missing: Audit report, Case file sample/);
  });

  test('the plan’s own setting decides how long is too long', async () => {
    const plan = (await h.storage.plans.get(DEMO_PLAN_ID))!;
    // Longer than the demo's oldest completion (LAC-1, complete since the import, nine weeks ago).
    await h.storage.plans.save({ ...plan, limboWeeks: 10 });
    const card = await digestCard();
    expect(card).not.toContain('In limbo');
    expect(card).toContain('Evidence overdue');
    await h.storage.plans.save(plan);
  });
});
