import type { MeasureStatus, Trend } from './read-models';

/**
 * A measure's status and trend as labels: the export's cells and the tab's performance book; chat, cards and
 * the report say them in a sentence (src/cards/measure-words.ts). No imports but types, so the tab's bundle
 * takes these without any server code.
 */
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  'on-target': 'On target',
  'off-target': 'Off target',
  'no-data': 'No figures yet',
  overdue: 'Figures overdue',
};

export const TREND_LABELS: Record<Trend, string> = {
  improving: 'Improving',
  worsening: 'Getting worse',
  flat: 'No change',
};
