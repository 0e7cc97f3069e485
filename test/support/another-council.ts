import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPlan } from '../../src/services/import-plan';
import { Storage } from '../../src/store/open-storage';

/**
 * Another council's plan, as a tester wrote it (test/fixtures/another-council-plan.csv: refs "1.1", "1.2a", "R3",
 * "Rec 4(ii)", "A.2.1", "3", "1.2b"; owners Alex, Megan, Patti, Isaiah, Lynne), imported on 1 Sep 2026, with Adele
 * as its chair and Megan as its administrator.
 */
export async function anotherCouncilPlan(storage: Storage, planId: string, title: string): Promise<void> {
  const report = await importPlan(storage, {
    planId,
    title,
    file: { name: 'plan.csv', bytes: readFileSync(join(__dirname, '..', 'fixtures', 'another-council-plan.csv')) },
    by: 'meganb@example.com',
    now: new Date('2026-09-01T09:00:00Z'),
    today: '2026-09-01',
    baseline: '2026-09-01',
  });
  if (report.errors.length) throw new Error(`The plan did not import: ${report.errors.join('; ')}`);
  await storage.roles.grant(planId, 'adelev@example.com', 'chair');
  await storage.roles.grant(planId, 'meganb@example.com', 'admin');
}
