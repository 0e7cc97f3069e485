// An import in a process of its own, so that a fault test can kill it
// (SIGKILL, no clean-up) part way through. Uses the compiled app in dist/.
const fs = require('node:fs');
const path = require('node:path');
const { importPlan } = require('../../dist/services/import-plan');
const { connectionStringFactory, storesOver } = require('../../dist/store/open-storage');
const { Tables } = require('../../dist/store/tables');

async function main() {
  const { CONNECTION_STRING, TABLE_PREFIX, PLAN_ID, FILE, KILL_PHASE, KILL_AT } = process.env;
  const storage = storesOver(new Tables(connectionStringFactory(CONNECTION_STRING), TABLE_PREFIX));
  const report = await importPlan(storage, {
    planId: PLAN_ID,
    file: { name: path.basename(FILE), bytes: fs.readFileSync(FILE) },
    baseline: '2026-01-05',
    title: 'Killed import',
    by: 'admin@example.com',
    now: new Date(),
    today: '2026-11-30',
    onProgress: (p) => {
      if (p.phase === KILL_PHASE && p.done >= Number(KILL_AT)) process.kill(process.pid, 'SIGKILL');
    },
  });
  process.stdout.write(JSON.stringify(report));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
