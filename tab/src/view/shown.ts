import type { MeasureRow } from '../api-types';
import type { ThemeRow } from './filters';
import { plural } from './words';

/** The performance book for what is on screen: its rows, and the line that says whose measures they are. */
export interface BookShown {
  /** Null while measures are not recorded for the plan. */
  measures: MeasureRow[] | null;
  /** Null when nothing is filtered, so the book is the whole plan's as its heading says. */
  note: string | null;
}

/**
 * With filters set the book keeps to the measures of the actions shown, so it agrees with the tiles above
 * it ("Showing 2 of 22" and then every measure of the plan would say two things at once).
 */
export function bookShown(measures: MeasureRow[] | null, themes: readonly ThemeRow[], filtered: boolean): BookShown {
  if (measures === null || !filtered) return { measures, note: null };
  const refs = new Set(themes.flatMap((t) => t.actions.map((a) => a.ref)));
  const rows = measures.filter((m) => refs.has(m.ref));
  const which = refs.size === 1 ? 'the action shown' : `the ${plural(refs.size, 'action')} shown`;
  const note =
    refs.size === 0
      ? 'No actions match these filters, so there are no measures to show.'
      : rows.length === 0
        ? `${which.charAt(0).toUpperCase()}${which.slice(1)} ${refs.size === 1 ? 'has' : 'have'} no measures.`
        : `Measures of ${which}.`;
  return { measures: rows, note };
}

/** The RAG chart counts the whole plan from its history, whatever the filters; said when filters are set. */
export function chartNote(filtered: boolean): string | null {
  return filtered ? 'The filters do not apply to this chart: it counts every action in the plan, week by week.' : null;
}
