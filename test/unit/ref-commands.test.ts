import fc from 'fast-check';
import type { Command } from '../../src/domain/command';
import { parseCommand } from '../../src/domain/command-grammar';
import { refKey } from '../../src/domain/ref';
import { bareRefKey, resolveRef } from '../../src/domain/ref-match';

const TODAY = '2026-06-15';

/** A reference as a plan writes it, with ways a person may type it. */
interface Shape {
  ref: string;
  typings: string[];
}

const n = fc.integer({ min: 1, max: 40 });
const letter = fc.constantFrom(...'abcdefgh'.split(''));
const roman = fc.constantFrom('i', 'ii', 'iii', 'iv', 'v', 'vi');
const prefix = fc.constantFrom('IP', 'AFI', 'SG', 'LAC', 'R', 'Ä', 'Ö', 'É', 'Ł', 'Ж');
const cased = (typed: string) => [typed, typed.toLowerCase(), typed.toUpperCase()];

const SHAPES: fc.Arbitrary<Shape>[] = [
  n.map((a) => ({ ref: `${a}`, typings: [`${a}`, `action ${a}`, `ref ${a}`] })),
  fc.tuple(n, letter).map(([a, l]) => ({
    ref: `${a}(${l})`,
    typings: [`${a}(${l})`, `${a} (${l})`, `${a}${l}`, `${a}(${l.toUpperCase()})`, `item ${a}(${l})`],
  })),
  fc
    .tuple(n, letter)
    .map(([a, l]) => ({ ref: `${a}${l}`, typings: [`${a}${l}`, `${a}(${l})`, `${a}${l.toUpperCase()}`] })),
  fc.tuple(n, n, n).map(([a, b, c]) => ({ ref: `${a}.${b}.${c}`, typings: [`${a}.${b}.${c}`, `ref ${a}.${b}.${c}`] })),
  fc.tuple(n, n, roman).map(([a, b, r]) => ({
    ref: `${a}.${b}(${r})`,
    typings: [`${a}.${b}(${r})`, `${a}.${b} (${r})`, `recommendation ${a}.${b}(${r})`],
  })),
  fc.tuple(prefix, n).map(([p, a]) => ({
    ref: `${p}-${a}`,
    typings: [
      ...cased(`${p}-${a}`),
      `${p.toLowerCase()}${a}`,
      ...(/^[A-Z]{2,5}$/.test(p) ? [`${p} ${a}`] : []),
      `action ${p}-${a}`,
    ],
  })),
  fc.tuple(prefix, n).map(([p, a]) => ({ ref: `${p}${a}`, typings: cased(`${p}${a}`) })),
  fc.tuple(n, letter).map(([a, l]) => ({
    ref: `Rec ${a}${l}`,
    typings: [`Rec ${a}${l}`, `rec ${a}${l}`, `REC ${a}${l}`, `Rec${a}${l}`],
  })),
  n.map((a) => ({ ref: `SG-I-${a}`, typings: [`SG-I-${a}`, `sg-i-${a}`] })),
];
const shape = fc.oneof(...SHAPES);

/** Every command that names an action, with the kind it must parse to. `{r}` is where the ref goes. */
const TEMPLATES: [string, Command['kind']][] = [
  ['{r}', 'show'],
  ['{r}?', 'show'],
  ['show {r}', 'show'],
  ['show {r}?', 'show'],
  ['show me {r}.', 'show'],
  ['what about {r}?', 'show'],
  ['history {r}', 'history'],
  ['history of {r}?', 'history'],
  ['{r} history', 'history'],
  ['{r} done', 'setStatus'],
  ['{r} done.', 'setStatus'],
  ['mark {r} complete', 'setStatus'],
  ['{r} on track', 'setStatus'],
  ['{r} at risk: waiting for IT', 'setStatus'],
  ['{r} not started', 'setStatus'],
  ['{r} cancelled', 'setStatus'],
  ['{r} delayed to 30/09/2026 because supplier problems', 'delay'],
  ['delay {r}', 'delay'],
  ['move {r} to end of October', 'delay'],
  ['evidence {r} https://example.com/report.pdf', 'evidence'],
  ['add evidence to {r}: audit report', 'evidence'],
  ['note {r} spoke to supplier', 'note'],
  ['sign off {r}', 'signOff'],
  ['sign off {r}.', 'signOff'],
  ['{r} signed off', 'signOff'],
  ['approve {r}', 'approve'],
  ['approve the new date for {r}', 'decideDate'],
  ['decline {r} because the inspection date is fixed', 'decideDate'],
];
const template = fc.constantFrom(...TEMPLATES);

/** A plan: refs of every shape, no two alike, including the one being typed. */
const planAround = (wanted: Shape) =>
  fc.array(shape, { maxLength: 12 }).map((others) => {
    const refs = [wanted.ref];
    for (const { ref } of others) {
      if (!refs.some((r) => refKey(r) === refKey(ref) || bareRefKey(r) === bareRefKey(ref))) refs.push(ref);
    }
    return refs;
  });

/** Refs one step away from `ref`: the bracket, last letter, last number or accent taken off, another letter put on. */
function neighbours(ref: string): string[] {
  return [
    ref.replace(/\([^()]*\)$/, ''),
    ref.replace(/[a-z]$/i, ''),
    ref.replace(/[.-]\d+$/, ''),
    ref.replace(/\d+$/, ''),
    ref.normalize('NFD').replace(/\p{M}/gu, ''),
    ref.replace(/Ä/g, 'Ö'),
    `${ref}(z)`,
    `${ref}.1`,
  ].filter((r) => refKey(r) !== '');
}

/** A reference shape, one of the ways it is typed, and a plan of refs made for it. */
const typedWith = <Plan>(planFor: (s: Shape) => fc.Arbitrary<Plan>) =>
  shape.chain((s) => fc.record({ shape: fc.constant(s), typed: fc.constantFrom(...s.typings), plan: planFor(s) }));

function parsedRef(message: string): { kind: Command['kind']; ref: string | null } {
  const command = parseCommand(message, TODAY);
  return { kind: command.kind, ref: 'ref' in command ? command.ref : null };
}

describe('every reference shape in every command', () => {
  test('typed any way, in any command, it names exactly its own action', () => {
    fc.assert(
      fc.property(typedWith(planAround), template, ({ shape: wanted, typed, plan }, [text, kind]) => {
        const message = text.replace('{r}', typed);
        const parsed = parsedRef(message);
        expect({ message, kind: parsed.kind }).toEqual({ message, kind });
        expect({ message, match: resolveRef(parsed.ref ?? '', plan) }).toEqual({
          message,
          match: { kind: 'one', ref: wanted.ref },
        });
      }),
      { numRuns: 1500 },
    );
  });

  test('a ref that is not in the plan never names one that is', () => {
    fc.assert(
      fc.property(
        typedWith(() => fc.array(shape, { maxLength: 12 })),
        template,
        ({ shape: missing, typed, plan }, [text]) => {
          // The plan holds the missing ref's near neighbours ("3" for "3(a)", "A-1" for "Ä-1"), but not it
          // nor anything that reads the same, with or without its leading word.
          const refs = [...plan.map((s) => s.ref), ...neighbours(missing.ref)].filter(
            (r) => refKey(r) !== refKey(missing.ref) && bareRefKey(r) !== bareRefKey(missing.ref),
          );
          const parsed = parsedRef(text.replace('{r}', typed));
          expect(resolveRef(parsed.ref ?? '', refs).kind).not.toBe('one');
        },
      ),
      { numRuns: 1500 },
    );
  });

  test.each([
    ['evidence 3 (a) https://example.com/x', ['3'], 'none'],
    ['evidence 3 (a) https://example.com/x', ['3', '3(a)'], '3(a)'],
    ['evidence 3 https://example.com/x', ['3', '3(a)'], '3'],
    ['3 (a) done', ['3'], 'none'],
    ['note 3 (a) spoke to them', ['3', '3(b)'], 'none'],
    ['sign off 3(a)', ['3'], 'none'],
    ['show Ä-1', ['Ö-1', 'A-1'], 'none'],
    ['show Ä-1', ['Ä-1', 'Ö-1', 'A-1'], 'Ä-1'],
  ])('%j with plan %j names %s', (message, refs, expected) => {
    const parsed = parsedRef(message);
    const match = resolveRef(parsed.ref ?? '', refs);
    expect(match.kind === 'one' ? match.ref : match.kind).toBe(expected);
  });
});
