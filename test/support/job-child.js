// What the job children of the fault tests (remind-child.js, outbox-child.js) share: each runs in a process of
// its own so that a test can kill it (SIGKILL, no clean-up) at a chosen step. Uses the compiled app in dist/.
const { loadConfig } = require('../../dist/config');
const { Pacer } = require('../../dist/jobs/pacer');
const { createLogger } = require('../../dist/log');
const { connectionStringFactory, storesOver } = require('../../dist/store/open-storage');
const { Tables } = require('../../dist/store/tables');
const { TeamsSender } = require('../../dist/teams/proactive-sender');
const { createAdapter } = require('../../dist/teams/sender-factory');

const die = () => process.kill(process.pid, 'SIGKILL');

/** The stores over the tables the parent test named, a silent log, and a sender whose retries wait at most 20 ms. */
function childDeps() {
  const { CONNECTION_STRING, TABLE_PREFIX } = process.env;
  const storage = storesOver(new Tables(connectionStringFactory(CONNECTION_STRING), TABLE_PREFIX));
  const log = createLogger('silent');
  const sender = new TeamsSender(
    createAdapter(loadConfig({ NODE_ENV: 'test' })),
    '',
    new Pacer(),
    log,
    (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
  );
  return { storage, log, sender };
}

/** A job's onStep that dies the `count`th time the job reaches `step`, for KILL_AT=step:count (never when unset). */
function killAt(spec) {
  const [killStep, killCount] = (spec || ':').split(':');
  let seen = 0;
  return (step) => {
    if (step === killStep && ++seen === Number(killCount)) die();
  };
}

/** Runs the child's work; a failure is written to standard error with exit code 1. */
function runJobChild(main) {
  main().catch((error) => {
    process.stderr.write(String(error && error.stack));
    process.exit(1);
  });
}

module.exports = { childDeps, die, killAt, runJobChild };
