import * as chrono from 'chrono-node';
import { isValidIsoDate, partsOf } from './calendar';
import type { IsoDate } from './types';
import { parseNamedDate } from './uk-date-named';
import { parseNumericDate } from './uk-date-numeric';
import { parseEndOf, parseRelative, parseWeekday } from './uk-date-relative';
import { refuse, tryLike, type FormResult, type UkDateResult } from './uk-date-result';

export type { UkDateResult } from './uk-date-result';

const MAX_LENGTH = 100;

// Phrases that name a span or no time at all; a due date needs one day.
const VAGUE = [
  /^(?:(?:this|next|last|the following|the|a) )?(?:week|weekend|month|year|quarter|fortnight)$/,
  /^(?:the )?end of (?:the |this |next )?week$/,
  /^in (?:a )?(?:few|couple of|couple|several) (?:days|weeks|months)(?: time)?$/,
  /^(?:soon|asap|as soon as possible|shortly|later|eventually|whenever|tbc|tbd|to be confirmed|to be decided|never)$/,
];

function parseVague(t: string): FormResult {
  return VAGUE.some((re) => re.test(t)) ? refuse(`"${t}" doesn't pin down a single day.`) : null;
}

const FORMS: ((t: string, today: IsoDate) => FormResult)[] = [
  parseNumericDate,
  parseRelative,
  parseWeekday,
  parseEndOf,
  parseNamedDate,
  parseVague,
];

/** Control characters, odd dashes and quotes become plain ones so a pasted date reads like a typed one. */
function clean(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The comparable form: lower case, no commas or closing full stop, without a leading "by"/"on"/"due". */
function normalise(cleaned: string): string {
  return cleaned
    .toLowerCase()
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/(\d) ?\/ ?(?=\d)/g, '$1/')
    .replace(/[.!?]+$/, '')
    .trim()
    .replace(/^(?:due(?: by| on)?|by|on) /, '');
}

/** "w/c 11 Jan" (the week commencing: its Monday, as typed) and "Friday week" (the Friday of next week). */
const WEEK_OF = /^(?:w\/c|wc|w\/b|week commencing|week beginning|the week of|week of) (.{1,60})$/;
const DAY_WEEK = /^([a-z]{3,9}) week$/;

function parseWhole(t: string, today: IsoDate): FormResult {
  const weekOf = WEEK_OF.exec(t)?.[1];
  if (weekOf !== undefined) return parseWhole(weekOf, today);
  const dayWeek = DAY_WEEK.exec(t)?.[1];
  if (dayWeek !== undefined && dayWeek !== 'next' && dayWeek !== 'this') return parseWeekday(`next ${dayWeek}`, today);
  for (const form of FORMS) {
    const result = form(t, today);
    if (result !== null) return result;
  }
  return null;
}

/**
 * For text that is not a date on its own: chrono finds the date-like parts so
 * the refusal can say whether there were several dates or words around one.
 * Its findings only count if our own rules read them as a date too.
 */
function explain(t: string, shown: string, today: IsoDate): UkDateResult {
  const { year, month, day } = partsOf(today);
  // Local noon of `today`: whatever the machine's zone, that instant is on the same calendar day.
  const reference = new Date(year, month - 1, day, 12);
  let dates = 0;
  for (const found of chrono.en.GB.parse(t, reference, { forwardDate: true })) {
    if (found.end) dates += 2;
    else if (parseWhole(normalise(clean(found.text)), today)?.ok) dates += 1;
  }
  if (dates > 1) return refuse(`"${shown}" has more than one date in it; send just one.`);
  if (dates === 1) return refuse(`There's more than a date in "${shown}"; send just the date.`);
  return refuse(`I couldn't read "${shown}" as a date.`);
}

/**
 * The date the text names, or null: `parseUkDate` without the explanation of a failure (which asks chrono
 * and is costly), for callers that try several readings and only want the one that is a date.
 */
export function readsAsDate(text: string, today: IsoDate): IsoDate | null {
  if (!isValidIsoDate(today)) throw new RangeError(`today must be YYYY-MM-DD, not ${JSON.stringify(today)}`);
  const cleaned = clean(text.slice(0, MAX_LENGTH * 4));
  if (cleaned === '' || cleaned.length > MAX_LENGTH) return null;
  const result = parseWhole(normalise(cleaned), today);
  return result?.ok ? result.date : null;
}

/**
 * Reads one UK-style date typed in chat or found in an import file. Dates
 * without a year are the next time that day comes round (today included).
 * Never throws on any text; `today` must be a valid IsoDate.
 */
export function parseUkDate(text: string, today: IsoDate): UkDateResult {
  const result = readUkDate(text, today);
  return result.ok ? result : { ok: false, error: `${result.error} ${tryLike(today)}` };
}

/** `parseUkDate` whose refusal says what is wrong but gives no example, for callers with an example of their own. */
export function readUkDate(text: string, today: IsoDate): UkDateResult {
  if (!isValidIsoDate(today)) throw new RangeError(`today must be YYYY-MM-DD, not ${JSON.stringify(today)}`);
  return read(text, today);
}

function read(text: string, today: IsoDate): UkDateResult {
  try {
    const raw = typeof text === 'string' ? text : '';
    if (raw.length > MAX_LENGTH * 4) return refuse('That is too long to be a date.');
    const cleaned = clean(raw);
    if (cleaned === '') return refuse('I need a date.');
    if (cleaned.length > MAX_LENGTH) return refuse('That is too long to be a date.');
    const shown = [...cleaned].length > 40 ? `${[...cleaned].slice(0, 37).join('')}...` : cleaned;
    const t = normalise(cleaned);
    return parseWhole(t, today) ?? explain(t, shown, today);
  } catch {
    return refuse("I couldn't read that as a date.");
  }
}
