import { readFileSync } from 'fs';
import { join } from 'path';
import type { Command } from '../../src/domain/command';
import { parseCommand } from '../../src/domain/command-grammar';
import { isChange } from '../../src/domain/command-guard';
import { parsePeriod, periodOf } from '../../src/domain/measure-periods';
import type { Frequency } from '../../src/domain/types';
import { resolver } from '../support/corpus';

/**
 * test/fixtures/measure-phrasings.txt: how owners give a measure's value, written by someone who had not seen the
 * grammar, and messages that are not values. Every line is read as sent on the day it was written. A value means
 * exactly what its line says (which measure too, when it names one); a line marked "ask" changes nothing; a not-value is never a value and
 * changes nothing, unless its line says which other change it asks for.
 */
const TODAY = '2026-11-30';

interface Line {
  section: 'values' | 'not values';
  text: string;
  meaning: Record<string, string>;
  mark: { kind: 'ask' | 'also'; why: string } | null;
}

function readFixture(): Line[] {
  const lines: Line[] = [];
  let section: Line['section'] | null = null;
  for (const raw of readFileSync(join(__dirname, '..', 'fixtures', 'measure-phrasings.txt'), 'utf8').split('\n')) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const heading = /^\[(values|not values)\]$/.exec(raw.trim());
    if (heading) {
      section = heading[1] === 'values' ? 'values' : 'not values';
      continue;
    }
    if (!section) throw new Error(`a line before any section: ${raw}`);
    const [body, marked] = raw.split(' || ');
    const at = body.lastIndexOf(' => ');
    if (at < 0) throw new Error(`no meaning: ${raw}`);
    const text = body.slice(0, at);
    const said = body.slice(at + 4);
    // A value's meaning is key=value pairs; a not-value's is words.
    const meaning = Object.fromEntries(
      [...said.matchAll(/(\w+)=(.*?)(?=\s+\w+=|$)/g)].map((m) => [m[1], m[2].trim()] as const),
    );
    const mark = marked ? /^(ask|also): (.+)$/.exec(marked.trim()) : null;
    if (marked && !mark) throw new Error(`unreadable mark: ${marked}`);
    lines.push({
      section,
      text,
      meaning,
      mark: mark ? { kind: mark[1] === 'ask' ? 'ask' : 'also', why: mark[2] } : null,
    });
  }
  return lines;
}

const lines = readFixture();
const find = resolver(
  ['SG-1', 'SG-2', 'SG-4', 'SG-7', 'SG-8', 'LAC-7', '6(a)', '3.2', 'IP-4'].map((ref) => ({
    ref,
    title: ref,
    owner: 'alexw@example.com',
    status: 'On track',
    due: '2027-03-31',
    theme: 'Measures',
  })),
);
const read = (text: string): Command => parseCommand(text, TODAY);
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();

/** The period a typed period names, read as a measure of either frequency would read it. */
function periodsOf(typed: string | null): string[] {
  const frequencies: Frequency[] = ['monthly', 'quarterly'];
  if (typed === null || typed === 'this') return frequencies.map((f) => periodOf(TODAY, f));
  return frequencies.flatMap((f) => {
    const p = parsePeriod(typed, f, TODAY);
    return p.ok ? [p.period] : [];
  });
}

const values = lines.filter((l) => l.section === 'values' && !l.mark);
const asked = lines.filter((l) => l.section === 'values' && l.mark);
const notValues = lines.filter((l) => l.section === 'not values');

test('the fixture is read in full', () => {
  expect(lines).toHaveLength(70);
  expect(lines.filter((l) => l.section === 'values')).toHaveLength(40);
  expect(asked.every((l) => l.mark?.kind === 'ask')).toBe(true);
  expect(notValues.every((l) => !l.mark || l.mark.kind === 'also')).toBe(true);
  console.log(
    `Measure phrasings: ${values.length} of 40 values understood; ${asked.length} asked or not understood; ` +
      `${notValues.length} not-values, none taken for a value.`,
  );
});

test.each(values.map((l) => [l.text, l] as const))('%j is the value it means', (_, line) => {
  const command = read(line.text);
  if (command.kind !== 'measureValue') throw new Error(`not a value: ${JSON.stringify(command)}`);
  const m = line.meaning;
  expect(find(command.ref)?.ref).toBe(m.ref);
  expect(command.value).toBe(m.value);
  // "this" is the current period, named or not; any other period is the one the line names.
  const wanted = periodsOf(m.period);
  expect(periodsOf(command.period).some((p) => wanted.includes(p))).toBe(true);
  if (m.period === 'this') expect(command.period === null || /^(?:this|current) /i.test(command.period)).toBe(true);
  if (m.note === '-') expect(command.note).toBeNull();
  else {
    // The note as typed, give or take a leading "because" and punctuation.
    expect(command.note).not.toBeNull();
    const [got, want] = [norm(command.note ?? ''), norm(m.note)];
    expect(want.includes(got) || got.includes(want)).toBe(true);
  }
  // A line that names a measure is read as that one; "?" (not said) is never guessed: the use case asks which.
  if (m.measure === '?') expect(command.measure ?? null).toBeNull();
  else expect(command.measure ?? 1).toBe(Number(m.measure));
});

test.each(asked.map((l) => [l.text, l] as const))('%j is asked about, never recorded', (_, line) => {
  const command = read(line.text);
  expect(isChange(command)).toBe(false);
  expect(['unknown', 'show']).toContain(command.kind);
});

test.each(notValues.map((l) => [l.text, l] as const))('%j is not a value', (_, line) => {
  const command = read(line.text);
  expect(command.kind).not.toBe('measureValue');
  if (line.mark?.kind === 'also') expect(command.kind).toBe(line.mark.why);
  else expect(isChange(command)).toBe(false);
});
