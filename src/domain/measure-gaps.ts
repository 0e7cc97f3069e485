/**
 * What a measure shows where it has nothing to show, in one set of words for the committee report, the tab, chat
 * and cards, so one fact reads the same everywhere. Here in the domain because the tab may import nothing else.
 */
export const GAP_WORDS = {
  noTarget: 'no target set',
  noFigures: 'no figures yet',
  noTrend: 'no trend yet',
  /** A measure the plan gives in words, with no unit or target: it takes no values, so nothing judges it. */
  inWordsOnly: 'in words only',
} as const;

/** The words at the start of a table's cell: "No target set". */
export const cellWords = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

export interface MeasureGaps {
  target: string | null;
  latest: string | null;
  trend: string | null;
  status: string | null;
}

/**
 * A performance book row's cells (src/domain/measure-view.ts, or the tab's copy of its shape) that have nothing to show, in words as a cell starts them; null where the row has
 * something, which each front end formats its own way (a date, a value with its period).
 */
export function measureGaps(row: {
  unit: string | null;
  target: number | string | null;
  latest: object | null;
  trend: string | null;
}): MeasureGaps {
  return {
    target: row.target === null || row.target === '' ? cellWords(GAP_WORDS.noTarget) : null,
    latest: row.latest ? null : cellWords(GAP_WORDS.noFigures),
    trend: row.trend ? null : cellWords(GAP_WORDS.noTrend),
    status: row.unit === null ? cellWords(GAP_WORDS.inWordsOnly) : null,
  };
}
