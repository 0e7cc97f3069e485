// A process of its own for the outbox fault tests, so that it can be killed
// (SIGKILL, no clean-up) at a chosen point. Uses the compiled app in dist/.
//   MODE=change: makes a change in chat, and dies as soon as the change is saved, before anything is sent.
//   MODE=deliver: delivers the outbox, dying at KILL_AT (step:count) if given.
const { loadConfig } = require('../../dist/config');
const { deliverOutbox } = require('../../dist/notifications/deliver-outbox');
const { Pacer } = require('../../dist/jobs/pacer');
const { createLogger } = require('../../dist/log');
const { ChatService } = require('../../dist/services/chat/chat-service');
const { connectionStringFactory, storesOver } = require('../../dist/store/open-storage');
const { Tables } = require('../../dist/store/tables');
const { TeamsSender } = require('../../dist/teams/proactive-sender');
const { createAdapter } = require('../../dist/teams/sender-factory');

const die = () => process.kill(process.pid, 'SIGKILL');

async function main() {
  const { CONNECTION_STRING, TABLE_PREFIX, MODE, TEXT, USER_ID, EMAIL, NAME, KILL_AT, LEASE_MS, CLAIMANT } =
    process.env;
  const storage = storesOver(new Tables(connectionStringFactory(CONNECTION_STRING), TABLE_PREFIX));
  const log = createLogger('silent');
  if (MODE === 'change') {
    const killer = { dateRequested: die, dateDecided: die, actionChanged: die };
    const chat = new ChatService(storage, 'Europe/London', killer);
    const replies = await chat.handle({
      text: TEXT,
      conversation: { id: `a:personal-${USER_ID}`, kind: 'personal' },
      user: { id: USER_ID, email: EMAIL, name: NAME },
      now: new Date(),
    });
    process.stdout.write(JSON.stringify(replies));
    return;
  }
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
    if (step === killStep && ++seen === Number(killCount)) die();
  };
  const reports = await deliverOutbox(
    { storage, sender, claimant: CLAIMANT, log },
    { leaseMs: Number(LEASE_MS), concurrency: 1, onStep },
  );
  process.stdout.write(JSON.stringify(reports.map((r) => [r.kind, r.settled, r.recipients.map((t) => t.outcome)])));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
