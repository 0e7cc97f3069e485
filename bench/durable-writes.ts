import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TableClient, TransactionAction } from '@azure/data-tables';
import { freePort, startEmbeddedAzurite } from '../src/store/embedded-azurite';
import { percentile, round } from './stats';

/**
 * `npm run bench:durable`: what saving the embedded emulator's data after
 * every write costs, against Azurite's own save every 5 s. For each register
 * size: single writes (an update to one action, as chat and card buttons
 * make), and an import's 100-row transactions. Prints a table, or JSON with --json.
 */
const SIZES = [22, 1000, 10000];
const WRITES = 100;
const IMPORT_ROWS = 2000;

/** An action row about the size the store writes (title, measure, evidence, an update). */
function row(partitionKey: string, i: number) {
  return {
    partitionKey,
    rowKey: `A-${String(i).padStart(6, '0')}`,
    title: `Ensure that visits to children are clearly recorded and that the record shows what was seen ${i}`.repeat(3),
    theme: 'Safeguarding services',
    status: 'On track',
    originalDueDate: '2026-09-30',
    measure: JSON.stringify({ indicator: 'Share of visits recorded within 24 hours', target: '95%', latest: '88%' }),
    latestUpdate: JSON.stringify({
      text: 'Spoke to the supplier about the laptops',
      by: 'alexw@example.com',
      at: new Date().toISOString(),
    }),
  };
}

async function fill(table: TableClient, partitionKey: string, count: number, from = 0): Promise<number> {
  const started = performance.now();
  for (let i = from; i < from + count; i += 100) {
    const actions: TransactionAction[] = [];
    for (let j = i; j < Math.min(from + count, i + 100); j++) actions.push(['upsert', row(partitionKey, j)]);
    await table.submitTransaction(actions);
  }
  return performance.now() - started;
}

interface Figures {
  size: number;
  p50: number;
  p95: number;
  file_mb: number;
}

async function measure(saveEveryWrite: boolean): Promise<{ writes: Figures[]; import_seconds: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-durable-'));
  const azurite = await startEmbeddedAzurite({ port: await freePort(), location: dir, saveEveryWrite });
  const writes: Figures[] = [];
  let importMs: number;
  try {
    const table = TableClient.fromConnectionString(azurite.connectionString, 'benchactions', {
      allowInsecureConnection: true,
    });
    await table.createTable();
    let filled = 0;
    for (const size of SIZES) {
      await fill(table, 'plan', size - filled, filled);
      filled = size;
      const times: number[] = [];
      for (let i = 0; i < WRITES; i++) {
        const started = performance.now();
        await table.updateEntity({ ...row('plan', i % size), status: i % 2 ? 'At risk' : 'On track' }, 'Merge');
        times.push(performance.now() - started);
      }
      const file = fs
        .readdirSync(dir)
        .filter((f) => f.includes('table'))
        .map((f) => fs.statSync(path.join(dir, f)).size)
        .reduce((a, b) => a + b, 0);
      writes.push({
        size,
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
        file_mb: round(file / 1024 / 1024),
      });
    }
    importMs = await fill(table, 'imported', IMPORT_ROWS);
  } finally {
    await azurite.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { writes, import_seconds: round(importMs / 1000) };
}

async function main(): Promise<void> {
  const every5s = await measure(false);
  const everyWrite = await measure(true);
  if (process.argv.includes('--json')) {
    process.stdout.write(
      JSON.stringify({ durable_writes: { autosave_5s: every5s, save_every_write: everyWrite } }) + '\n',
    );
    return;
  }
  const lines = [
    `Embedded storage: one action update (ms), ${WRITES} in a row, with the register already holding N actions`,
    'N        5 s autosave p50/p95    save every write p50/p95    data file (MB)',
    ...SIZES.map((size, i) => {
      const a = every5s.writes[i];
      const b = everyWrite.writes[i];
      return `${String(size).padEnd(9)}${`${a.p50} / ${a.p95}`.padEnd(24)}${`${b.p50} / ${b.p95}`.padEnd(28)}${b.file_mb}`;
    }),
    `Import of ${IMPORT_ROWS} actions on top (100-row transactions): ${every5s.import_seconds} s with 5 s autosave, ${everyWrite.import_seconds} s saving every write`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
