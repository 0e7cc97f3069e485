// A process of its own for the outbox fault tests, so that it can be killed
// (SIGKILL, no clean-up) at a chosen point. Uses the compiled app in dist/.
//   MODE=change: makes a change in chat, and dies as soon as the change is saved, before anything is sent.
//   MODE=deliver: delivers the outbox, dying at KILL_AT (step:count) if given.
const { deliverOutbox } = require('../../dist/notifications/deliver-outbox');
const { ChatService } = require('../../dist/services/chat/chat-service');
const { childDeps, die, killAt, runJobChild } = require('../support/job-child');

runJobChild(async () => {
  const { MODE, TEXT, USER_ID, EMAIL, NAME, KILL_AT, LEASE_MS, CLAIMANT } = process.env;
  const { storage, sender, log } = childDeps();
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
  const reports = await deliverOutbox(
    { storage, sender, claimant: CLAIMANT, log },
    { leaseMs: Number(LEASE_MS), concurrency: 1, onStep: killAt(KILL_AT) },
  );
  process.stdout.write(JSON.stringify(reports.map((r) => [r.kind, r.settled, r.recipients.map((t) => t.outcome)])));
});
