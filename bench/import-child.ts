import fs from 'node:fs';
import path from 'node:path';
import { importPlan } from '../src/services/import-plan';
import { connectionStringFactory, storesOver } from '../src/store/open-storage';
import { Tables } from '../src/store/tables';

/**
 * One import in a process of its own (argv: connection string, table
 * prefix, workbook), so that the peak memory it reports is the import's.
 */
async function main(): Promise<void> {
  const [connectionString, prefix, file] = process.argv.slice(2);
  const storage = storesOver(new Tables(connectionStringFactory(connectionString), prefix));
  const started = process.hrtime.bigint();
  const report = await importPlan(storage, {
    planId: 'bench-xlsx',
    file: { name: path.basename(file), bytes: fs.readFileSync(file) },
    baseline: '2026-01-05',
    title: 'Benchmark workbook',
    by: 'bench',
    now: new Date(),
    today: '2026-11-30',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!report.ok) throw new Error(report.errors.join('; '));
  // maxRSS is the process's high-water mark, in kilobytes.
  process.stdout.write(
    JSON.stringify({ seconds, rssMb: process.resourceUsage().maxRSS / 1024, created: report.created.length }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
