import { parseCommand } from './command-grammar';
import { Actor, canRecordMeasureValue, ownsAction } from './permissions';
import { compareRefs } from './ref';
import { resolveRef } from './ref-match';
import { isFinished } from './status';
import { Action } from './types';

/** The ref the chat's examples are written with ("show SG-4", "SG-4 done"), replaced by `exampleRefsFor`'s choice. */
export const TEMPLATE_REF = 'SG-4';

/** For someone who can read no action at all: it reads as a gap to fill, and can never be taken for a real ref. */
export const PLACEHOLDER_REF = '[ref]';

/** How many refs are tried before giving up on finding one the grammar reads back (a plan may have thousands). */
const MAX_TRIED = 20;

/** The actions of one plan the person may read, with who they are in it. */
export interface ReadablePlan {
  actor: Actor;
  actions: readonly Action[];
}

/** The refs a person's examples use: `own` for what an owner does, `decide` for a decision nobody makes on their own action. */
export interface ExampleRefs {
  own: string;
  decide: string;
  /** For a value given as a percentage ("SG-4 measure 76%"): an action with one measure, in %, the person may give; else `own`. */
  measure?: string;
}

/**
 * The refs a person's examples should use. `own`: one of their own actions (open ones first, in ref order), else
 * any action of a plan they may read (so, in a chat bound to a plan, that plan's), else the placeholder. `decide`:
 * an action they may read and do not own, else as `own`. Never a ref the person cannot read, since only readable
 * plans are passed in. Only a ref the grammar reads back as itself ("3 done", "show 3") is chosen, so that every
 * example works when typed.
 */
export function exampleRefsFor(plans: readonly ReadablePlan[]): ExampleRefs {
  const byRef = (a: Action, b: Action) =>
    Number(isFinished(a.status)) - Number(isFinished(b.status)) || compareRefs(a.ref, b.ref);
  const own = plans.flatMap((p) => p.actions.filter((a) => ownsAction(p.actor, a))).sort(byRef);
  const others = plans.flatMap((p) => p.actions.filter((a) => !ownsAction(p.actor, a)).sort(byRef));
  const first = (actions: readonly Action[]) => actions.slice(0, MAX_TRIED).find((a) => readsBack(a.ref))?.ref;
  const mine = first(own) ?? first(others) ?? PLACEHOLDER_REF;
  const takesPercent = (p: ReadablePlan) => (a: Action) =>
    a.measures.length === 1 && a.measures[0].definition?.unit === '%' && canRecordMeasureValue(p.actor, a).allowed;
  const measured = plans.flatMap((p) => p.actions.filter(takesPercent(p)));
  const measure = first([...own.filter((a) => measured.includes(a)), ...measured.filter((a) => !own.includes(a))]);
  return { own: mine, decide: first(others) ?? mine, ...(measure ? { measure } : {}) };
}

/** Whether "<ref> done" and "show <ref>" are read as about this ref. */
function readsBack(ref: string): boolean {
  const today = '2026-01-01'; // no example has a date in it
  return [`${ref} done`, `show ${ref}`].every((typed) => {
    const command = parseCommand(typed, today);
    return 'ref' in command && resolveRef(command.ref, [ref]).kind === 'one';
  });
}

/** The examples' refs when there is only one to use: a ref the message seemed to mean, or the template's own. */
export const oneRef = (ref: string = TEMPLATE_REF): ExampleRefs => ({ own: ref, decide: ref });

/** An example written with TEMPLATE_REF, with the person's ref in its place. */
export function withExampleRef(example: string, ref: string): string {
  return example.split(TEMPLATE_REF).join(ref);
}
