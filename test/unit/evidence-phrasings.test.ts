import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../../src/domain/command';
import { parseCommand } from '../../src/domain/command-grammar';
import { isChange } from '../../src/domain/command-guard';
import { itemKey, resolveEvidence, type EvidenceResolution } from '../../src/domain/evidence-items';
import { refKey } from '../../src/domain/ref';
import { anAction } from '../support/builders';

/**
 * Evidence as owners send it, written by someone who had not seen the grammar (test/fixtures/evidence-phrasings.txt):
 * `message => ref=… item=… url=…`; after `---`, messages that must not add evidence. Each message is read by the
 * grammar, then resolved against the action as the chat service does.
 *
 * The plan here: each action requires the items of evidence the corpus names for it (LAC-7 the two the brief
 * gives it). Nothing in a message may be added that the writer did not send; one message is asked about rather
 * than linked (see ASKED), and that stays so.
 */
const REQUIRED: Record<string, string[]> = {
  'LAC-7': ['Case file audit report', 'Training records'],
  'SG-7': ['Signed protocol', 'Signed copy'],
  'SG-2': ['Dip sample'],
  '6(a)': ['Signed off policy'],
  '3.2': ['Minutes'],
  'IP-4': ['Board report'],
  'SG-8': ['Allocation tracker'],
  'SG-1': ['Audit summary'],
};

/**
 * Messages whose words name only part of the item the writer meant: the bot asks which item (the one meant among
 * those offered) rather than link it. "the attendance list from the training sessions" is not "Training records"
 * by its words; linking it would be a guess.
 */
const ASKED = new Set(['Hi, attaching evidence for LAC-7, it']);

interface Line {
  message: string;
  ref: string | null;
  item: string | null;
  url: string | null;
}

function readCorpus(): { given: Line[]; notGiven: Line[] } {
  const text = fs.readFileSync(path.join(__dirname, '../fixtures/evidence-phrasings.txt'), 'utf8');
  const [given, notGiven] = text.split(/^---$/m).map((part) =>
    part
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l): Line => {
        const at = l.lastIndexOf(' => ');
        const said = /^ref=(.+?) item=(.+?) url=(.+)$/.exec(l.slice(at + 4));
        if (at < 0 || !said) throw new Error(`Not a corpus line: ${l}`);
        const value = (v: string) => (v === '-' ? null : v);
        return { message: l.slice(0, at), ref: value(said[1]), item: value(said[2]), url: value(said[3]) };
      }),
  );
  return { given, notGiven };
}

const { given, notGiven } = readCorpus();
const TODAY = '2026-11-30';

/** The evidence a command adds, as typed: from "evidence …" or from a status given with evidence. */
function evidenceOf(command: Command): { ref: string; text: string } | null {
  if (command.kind === 'evidence') return { ref: command.ref, text: command.text };
  if (command.kind === 'setStatus' && command.evidence) return { ref: command.ref, text: command.evidence };
  return null;
}

function resolve(line: Line): { command: Command; resolved: EvidenceResolution | null } {
  const command = parseCommand(line.message, TODAY);
  const evidence = evidenceOf(command);
  if (evidence === null || line.ref === null || refKey(evidence.ref) !== refKey(line.ref))
    return { command, resolved: null };
  const action = anAction({ ref: line.ref, evidenceRequired: REQUIRED[line.ref] ?? [] });
  return { command, resolved: resolveEvidence(action, evidence.text) };
}

const asked = (line: Line) => [...ASKED].some((start) => line.message.startsWith(start));

test('the corpus is read in full: 25 messages with evidence, 10 without', () => {
  expect([given.length, notGiven.length]).toEqual([25, 10]);
  expect(ASKED.size).toBe(given.filter(asked).length);
});

describe('evidence as sent: added to the action named, with its link, linked to the item named', () => {
  test.each(given.filter((l) => !asked(l)).map((l) => [l.message, l] as const))('%s', (_, line) => {
    const { resolved } = resolve(line);
    expect(resolved).toEqual({
      kind: 'add',
      text: expect.any(String),
      url: line.url,
      item: line.item === null ? null : expect.any(String),
    });
    if (resolved?.kind !== 'add') return;
    expect(resolved.item === null ? null : itemKey(resolved.item)).toBe(line.item === null ? null : itemKey(line.item));
  });

  test.each(given.filter(asked).map((l) => [l.message, l] as const))(
    'asked which item, never guessed: %s',
    (_, line) => {
      const { resolved } = resolve(line);
      expect(resolved).toMatchObject({ kind: 'ask', text: line.url });
      if (resolved?.kind !== 'ask') return;
      expect(resolved.items.map(itemKey)).toContain(itemKey(line.item ?? ''));
    },
  );
});

describe('messages about evidence that do not give it change nothing', () => {
  test.each(notGiven.map((l) => [l.message] as const))('%s', (message) => {
    const command = parseCommand(message, TODAY);
    expect({ message, change: isChange(command) ? command : null }).toEqual({ message, change: null });
  });
});

test('how much of the corpus is read as its writer meant', () => {
  const right = given.filter((l) => {
    const { resolved } = resolve(l);
    return (
      resolved?.kind === 'add' &&
      resolved.url === l.url &&
      (resolved.item === null ? null : itemKey(resolved.item)) === (l.item === null ? null : itemKey(l.item))
    );
  }).length;
  const unchanged = notGiven.filter((l) => !isChange(parseCommand(l.message, TODAY))).length;
  console.log(
    `Evidence corpus: ${right} of ${given.length} added as meant, ${given.filter(asked).length} asked which item; ` +
      `${unchanged} of ${notGiven.length} without evidence changed nothing`,
  );
  expect([right, unchanged]).toEqual([given.length - ASKED.size, notGiven.length]);
});
