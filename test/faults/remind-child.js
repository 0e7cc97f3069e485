// A reminder run in a process of its own, so that a fault test can kill it
// (SIGKILL, no clean-up) at a chosen step. Uses the compiled app in dist/.
const { loadConfig } = require('../../dist/config');
const { runReminders } = require('../../dist/jobs/remind');
const { Pacer } = require('../../dist/jobs/pacer');
const { createLogger } = require('../../dist/log');
const { connectionStringFactory, storesOver } = require('../../dist/store/open-storage');
const { Tables } = require('../../dist/store/tables');
const { TeamsSender } = require('../../dist/teams/proactive-sender');
const { createAdapter } = require('../../dist/teams/sender-factory');

async function main() {
  const { CONNECTION_STRING, TABLE_PREFIX, PLAN_ID, NOW, KILL_AT, LEASE_MS, CLAIMANT } = process.env;
  const storage = storesOver(new Tables(connectionStringFactory(CONNECTION_STRING), TABLE_PREFIX));
  const log = createLogger('silent');
  const sender = new TeamsSender(
    createAdapter(loadConfig({ NODE_ENV: 'test' })),
    '',
    new Pacer(),
    log,
    (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
  );
  const [killStep, killCount] = (KILL_AT || ':').split(':');
  let seen = 0;
  const onStep = (step) => {
    if (step === killStep && ++seen === Number(killCount)) process.kill(process.pid, 'SIGKILL');
  };
  const report = await runReminders(
    { storage, sender, claimant: CLAIMANT, log },
    { planId: PLAN_ID, now: new Date(NOW), force: true },
    { leaseMs: Number(LEASE_MS), concurrency: 1, onStep },
  );
  process.stdout.write(JSON.stringify(report.recipients.map((r) => [r.key, r.outcome])));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
