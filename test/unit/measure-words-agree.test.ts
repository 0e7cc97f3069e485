import { STATUS_WORDS, TREND_WORDS } from '../../src/cards/measure-words';
import { STATUS_LABELS, TREND_LABELS } from '../../src/domain/export-rows';
import { MEASURE_STATUS_WORDS, TREND_WORDS as TAB_TREND_WORDS } from '../../tab/src/view/words';

/** A measure's status and trend read the same in chat, on cards, in the report, in the export and in the tab. */
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

test.each(Object.entries(STATUS_WORDS))('the status %s is "%s" everywhere', (status, words) => {
  const key = status as keyof typeof STATUS_WORDS;
  expect(STATUS_LABELS[key]).toBe(capital(words));
  expect(MEASURE_STATUS_WORDS[key]).toBe(capital(words));
});

test.each(Object.entries(TREND_WORDS))('the trend %s is "%s" everywhere', (trend, words) => {
  const key = trend as keyof typeof TREND_WORDS;
  expect(TREND_LABELS[key]).toBe(capital(words));
  expect(TAB_TREND_WORDS[key]).toBe(capital(words));
});
