/**
 * Dates for people, as `30 Sep 2026`. A fixed month table rather than Intl's month names:
 * en-GB now prints "Sept", and the chat, cards and reports all say "Sep".
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-09-30` → `30 Sep 2026`; anything else is shown as it came, so a surprise is visible rather than hidden. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  if (!month) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** `30 Sep` without the year, for the chart's axis where the year would crowd the labels. */
export function formatDayMonth(iso: string): string {
  const match = ISO_DATE.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month}` : iso;
}

/**
 * An instant as UK wall-clock time: `30 Sep 2026, 14:05`. Intl gives only the numbers
 * (Europe/London, with summer time); the month word comes from the table.
 */
export function formatInstant(instant: string): string {
  const when = new Date(instant);
  if (Number.isNaN(when.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(when);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const month = MONTHS[Number(part('month')) - 1] ?? part('month');
  return `${Number(part('day'))} ${month} ${part('year')}, ${part('hour')}:${part('minute')}`;
}

type Dated = { dueDate: string | null; originalDueDate: string | null; slipped: boolean };

/** "30 Nov 2026 (was 30 Sep 2026)" when the date has moved; "None" when there is none. */
export function dueDates(tile: Dated): string {
  if (!tile.dueDate) return 'None';
  const was = tile.slipped && tile.originalDueDate ? ` (was ${formatDate(tile.originalDueDate)})` : '';
  return `${formatDate(tile.dueDate)}${was}`;
}

/** "Due 30 Nov 2026 (was 30 Sep 2026)", or "No due date". */
export function dueLine(tile: Dated): string {
  return tile.dueDate ? `Due ${dueDates(tile)}` : 'No due date';
}
