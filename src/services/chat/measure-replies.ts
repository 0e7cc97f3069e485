import {
  badValueWords,
  measureLine,
  STATUS_COLOUR,
  STATUS_WORDS,
  targetWords,
  trendWords,
} from '../../cards/measure-words';
import { formatPeriod } from '../../domain/measure-periods';
import { formatMeasureValue } from '../../domain/measure-values';
import { measureLabel, MeasureRow } from '../../domain/measure-view';
import { Command } from '../../domain/command';
import { Storage } from '../../store/open-storage';
import { listMeasures } from '../../use-cases/list-measures';
import { recordMeasureValue } from '../../use-cases/record-measure-value';
import { formatUkDayOf } from '../../domain/calendar';
import { Standing } from '../../domain/value-for-period';
import { alreadyRecordedWords } from '../../cards/which-measure-words';
import { ChangeNotifier } from '../notifier';
import { conflictText, refusalText, tell } from '../tell';
import { FoundAction, PlanView } from './plan-scope';
import { showReply } from './read-replies';
import { askWhichMeasure } from './which-measure-question';
import { card, Incoming, Reply, text } from './types';

/** Enough rows for a committee's performance book on one card, well inside Teams' size limit. */
const MAX_LISTED = 40;

/**
 * "measures", "performance book": each readable plan's measures, worst first. "which measures are off target?"
 * (`only: 'offTarget'`): those off target, worst first, read and permitted the same way.
 */
export async function measuresReply(
  storage: Storage,
  views: readonly PlanView[],
  only?: 'offTarget',
): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const view of views) {
    const listed = await listMeasures(storage, view.actor, { planId: view.plan.id, today: view.today, only });
    if (listed.kind !== 'ok') continue;
    replies.push(only ? offTargetCard(view, listed.rows) : bookCard(view, listed.rows));
  }
  return replies.length ? replies : [text('You have no plans with measures that you can read.')];
}

function listCard(view: PlanView, title: string, subtitle: string, empty: string | null, rows: readonly MeasureRow[]) {
  const shown = rows.slice(0, MAX_LISTED);
  return card(
    'action-list',
    {
      title: `${title}: ${view.plan.title}`,
      subtitle,
      empty,
      actions: shown.map((r) => ({
        ref: measureLabel(r),
        title: '',
        line: measureLine(r),
        ragColour: STATUS_COLOUR[r.status],
      })),
      more: rows.length > shown.length ? `and ${rows.length - shown.length} more: see the plan's export` : null,
    },
    `${title}: ${rows.length} measures`,
  );
}

function bookCard(view: PlanView, rows: readonly MeasureRow[]): Reply {
  const counts = (['off-target', 'overdue', 'no-data', 'on-target'] as const)
    .map((s) => [s, rows.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    // "3 off target, 1 with figures overdue, 17 with no figures yet, 2 on target".
    .map(([s, n]) => `${n} ${s === 'overdue' || s === 'no-data' ? 'with ' : ''}${STATUS_WORDS[s]}`);
  const subtitle = rows.length ? `${rows.length} measures, worst first: ${counts.join(', ')}.` : '';
  return listCard(view, 'Performance book', subtitle, rows.length ? null : 'This plan has no measures yet.', rows);
}

function offTargetCard(view: PlanView, rows: readonly MeasureRow[]): Reply {
  const n = rows.length;
  const subtitle = n ? `${n} ${n === 1 ? 'measure is' : 'measures are'} off target, worst first.` : '';
  const empty = n ? null : 'No measures are off target. Type "measures" for the whole performance book.';
  return listCard(view, 'Measures off target', subtitle, empty, rows);
}

/** "6(a) measure 42": records the value, then shows the action with the value against its target and the trend. */
export async function measureValueReply(
  storage: Storage,
  found: FoundAction,
  command: Extract<Command, { kind: 'measureValue' }>,
  incoming: Incoming,
  notifier?: ChangeNotifier,
): Promise<Reply> {
  const at = incoming.now.toISOString();
  const outcome = await recordMeasureValue(
    storage,
    found,
    { via: 'chat', at },
    { value: command.value, period: command.period, note: command.note, measure: command.measure ?? null },
  );
  switch (outcome.kind) {
    case 'badValue':
      return text(
        badValueWords(found.current.value.ref, outcome.code, outcome.typed, outcome.definition, outcome.period),
      );
    case 'refused':
      if (outcome.why.code === 'whichMeasure')
        return askWhichMeasure(storage, incoming, found.view.plan.id, outcome.why, command.note);
      if (outcome.why.code === 'valueAlreadyRecorded')
        return text(`${alreadyRecordedWords(outcome.why)}; nothing changed.`);
      // A card says "Nothing was changed" before every refusal; in chat, this one needs saying.
      return text(`${outcome.why.code === 'noSuchMeasure' ? 'Nothing was changed. ' : ''}${refusalText(outcome)}`);
    case 'conflict':
      return text(conflictText(outcome));
    case 'done': {
      tell(notifier, outcome.found.current.value, outcome.notifications);
      const { replaced } = outcome;
      const replacing = replaced && {
        value: replaced.value,
        by: replaced.by === found.view.actor.email ? 'you' : replaced.byName,
        on: formatUkDayOf(replaced.at, found.view.plan.timeZone),
      };
      return showReply(
        storage,
        outcome.found,
        recordedBanner(outcome.row, outcome.recorded, outcome.standing, replacing),
      );
    }
  }
}

/**
 * "Recorded 18 for Nov 2026 on 6(a). Target 30 by 31 Mar 2027: off target, improving (against 12 for Sep 2026)." The status and trend are the
 * period's given, so a value for an earlier period says how that period stood, and then what the latest value is.
 * A value that replaces one already given says so: "(it replaces 88% given by Megan Bowen on 3 Nov 2026)".
 */
export function recordedBanner(
  row: MeasureRow,
  recorded: { period: string; value: number | string },
  standing: Standing,
  replaced: { value: number | string; by: string; on: string } | null,
): string {
  const show = (v: number | string) => (row.unit ? formatMeasureValue(row.unit, v) : String(v));
  const period = formatPeriod(recorded.period);
  const replacing = replaced ? ` (it replaces ${show(replaced.value)} given by ${replaced.by} on ${replaced.on})` : '';
  const latest = row.latest && row.latest.period > recorded.period ? row.latest : null;
  // A value for a period long past is judged for that period; the measure itself is still waiting for newer values.
  const overdue = row.status === 'overdue';
  // The trend says what it compared with: "getting worse (against 94% for Sep 2026)".
  const against = standing.against
    ? ` (against ${show(standing.against.value)} for ${formatPeriod(standing.against.period)})`
    : '';
  const judged = `${STATUS_WORDS[standing.status]}${latest || overdue ? ` for ${period}` : ''}, ${trendWords(standing.trend)}${against}`;
  const newest = latest
    ? ` The latest value is ${show(latest.value)}, for ${formatPeriod(latest.period)}.`
    : overdue
      ? ' The values for the periods since are overdue.'
      : '';
  return `Recorded ${show(recorded.value)} for ${period} on ${measureLabel(row)}${replacing}. Target ${targetWords(row)}: ${judged}.${newest}`;
}
