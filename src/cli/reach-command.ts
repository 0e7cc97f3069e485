import { REACH_WORDS, reachHow } from '../cards/reach-words';
import { formatUkDate, todayIn } from '../domain/calendar';
import { NOTIFICATION_WAIT_DAYS, waitEndsAt } from '../domain/notification-wait';
import { PERSON_PROBLEMS, Reach } from '../domain/reach';
import { textTable } from '../domain/text-table';
import { peopleDirectory, reachOfPerson } from '../jobs/destination';
import { OutboxRow } from '../store/outbox-store';
import { ALL_PLANS } from '../store/role-store';
import { CliContext, requirePlan } from './context';

export interface ReachOptions {
  plan: string;
  json?: boolean;
}

interface Row {
  email: string;
  name: string | null;
  roles: Set<string>;
  reach: Reach;
}

/**
 * Every owner, chair and executive of a plan with how the bot can reach them,
 * by the rule the reminder run and the digest use, and what the council can
 * do about anyone it cannot.
 */
export async function reachCommand(ctx: CliContext, options: ReachOptions): Promise<void> {
  const { plan } = await requirePlan(ctx, options.plan);
  const [actions, people, planRoles, everyPlanRoles, outbox] = await Promise.all([
    ctx.storage.actions.list(plan.id),
    ctx.storage.people.all(),
    ctx.storage.roles.list(plan.id),
    ctx.storage.roles.list(ALL_PLANS),
    ctx.storage.outbox.list(plan.id),
  ]);
  const waiting = waitingByPerson(outbox.rows);
  const find = peopleDirectory(people);
  const rows = new Map<string, Row>();
  const add = (email: string, name: string | null, role: string) => {
    const key = email.toLowerCase();
    const row = rows.get(key) ?? {
      email: key,
      name,
      roles: new Set<string>(),
      reach: reachOfPerson(find({ email: key })),
    };
    row.name ??= name ?? find({ email: key })?.name ?? null;
    row.roles.add(role);
    rows.set(key, row);
  };
  for (const { value } of actions) if (value.owner) add(value.owner.email, value.owner.displayName, 'owner');
  for (const person of [...planRoles, ...everyPlanRoles]) {
    for (const role of person.roles)
      if (role === 'chair' || role === 'executive') add(person.email, person.displayName, role);
  }
  // Every role a listed person has: administrators are not sent anything as such, but an owner who administers is both.
  for (const person of [...planRoles, ...everyPlanRoles]) {
    if (person.roles.includes('admin')) rows.get(person.email.toLowerCase())?.roles.add('admin');
  }
  const sorted = [...rows.values()].sort((a, b) =>
    (a.name ?? a.email).localeCompare(b.name ?? b.email, 'en-GB', { sensitivity: 'base' }),
  );
  if (options.json) {
    const json = sorted.map((r) => ({
      email: r.email,
      name: r.name,
      roles: [...r.roles],
      how: r.reach.how,
      problem: r.reach.how === 'cannot' ? r.reach.why : null,
      why: r.reach.how === 'cannot' ? REACH_WORDS[r.reach.why].why : null,
      todo: r.reach.how === 'cannot' ? REACH_WORDS[r.reach.why].todo : null,
      waitingNotifications: waiting.get(r.email)?.count ?? 0,
    }));
    ctx.out.write(JSON.stringify(json, null, 2) + '\n');
    return;
  }
  if (sorted.length === 0) {
    ctx.out.write(`${plan.title} has no owners, chairs or executives yet.\n`);
    return;
  }
  const label = (r: Row) => (r.name ? `${r.name} <${r.email}>` : r.email);
  const table = sorted.map((r) => [label(r), [...r.roles].join(', '), reachHow(r.reach)]);
  ctx.out.write(`How Action Tracker can reach the people of ${plan.title}\n\n`);
  ctx.out.write(textTable(['Person', 'Role', 'Reach'], table, [60, 30, 16]) + '\n');
  // One paragraph per reason, in full: the words matter more than the layout.
  for (const problem of PERSON_PROBLEMS) {
    const who = sorted.filter((r) => r.reach.how === 'cannot' && r.reach.why === problem);
    if (who.length === 0) continue;
    ctx.out.write(
      `\n${who.map(label).join(', ')}:\n  ${REACH_WORDS[problem].why}.\n  What to do: ${REACH_WORDS[problem].todo}\n`,
    );
  }
  if (waiting.size) {
    ctx.out.write(
      `\nNotifications waiting for people the bot has not met yet (sent once it meets them, or recorded as ` +
        `undeliverable ${NOTIFICATION_WAIT_DAYS} days after the change):\n`,
    );
    for (const [email, w] of waiting) {
      const who = w.label === email ? email : `${w.label} <${email}>`;
      const until = `kept until ${formatUkDate(todayIn(w.until))}${w.count > 1 ? ' for the oldest' : ''}`;
      ctx.out.write(`  ${who}: ${w.count} (${until})\n`);
    }
  }
  ctx.out.write('\n');
  const count = (how: Reach['how']) => sorted.filter((r) => r.reach.how === how).length;
  ctx.out.write(
    `${sorted.length} ${sorted.length === 1 ? 'person' : 'people'}: ${count('chat')} by their personal chat, ` +
      `${count('open')} can be sent a new chat, ${count('cannot')} cannot be reached.\n`,
  );
}

/** How many of a plan's notifications wait for each person not met yet, and when the oldest stops waiting. */
function waitingByPerson(rows: readonly OutboxRow[]): Map<string, { label: string; count: number; until: Date }> {
  const byPerson = new Map<string, { label: string; count: number; until: Date }>();
  for (const row of rows) {
    for (const w of row.waitingFor) {
      const until = waitEndsAt(row.createdAt);
      const seen = byPerson.get(w.email);
      byPerson.set(w.email, {
        label: seen?.label ?? w.label,
        count: (seen?.count ?? 0) + 1,
        until: seen && seen.until < until ? seen.until : until,
      });
    }
  }
  return byPerson;
}
