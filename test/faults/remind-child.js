// A reminder run in a process of its own, so that a fault test can kill it
// (SIGKILL, no clean-up) at a chosen step. Uses the compiled app in dist/.
const { runReminders } = require('../../dist/jobs/remind');
const { childDeps, killAt, runJobChild } = require('../support/job-child');

runJobChild(async () => {
  const { PLAN_ID, NOW, KILL_AT, LEASE_MS, CLAIMANT } = process.env;
  const { storage, sender, log } = childDeps();
  const report = await runReminders(
    { storage, sender, claimant: CLAIMANT, log },
    { planId: PLAN_ID, now: new Date(NOW), force: true },
    { leaseMs: Number(LEASE_MS), concurrency: 1, onStep: killAt(KILL_AT) },
  );
  process.stdout.write(JSON.stringify(report.recipients.map((r) => [r.key, r.outcome])));
});
