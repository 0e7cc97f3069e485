import { fitting } from '../../cards/which-measure-words';
import { Command } from '../../domain/command';
import { canRecordMeasureValue, canUpdate } from '../../domain/permissions';
import { tokenize } from '../../domain/command-text';
import { parseCommand } from '../../domain/command-grammar';
import { isChange } from '../../domain/command-guard';
import { permissionFor } from '../../domain/command-permission';
import {
  asks,
  figureIn,
  likeliestMeasure,
  nearCommand,
  Suggestion,
  suggestionsFor,
  valueCommand,
} from '../../domain/unknown-suggestions';
import { measureFits, TypedValue } from '../../domain/value-fit';
import { oneRef, withExampleRef } from '../../domain/example-ref';
import { exampleRefs } from '../../use-cases/example-ref';
import { Storage } from '../../store/open-storage';
import { findOne, OneAction, similarRefs } from '../../use-cases/find-one';
import { FoundAction, PlanView } from './plan-scope';
import { text, Reply } from './types';
import { closestCommandsHint, rolesIn } from './unknown-hints';

type Unknown = Extract<Command, { kind: 'unknown' }>;

const HELP = 'Type "help" to see what I can do.';

/**
 * A message the grammar could not read. One that names an action the person may read is answered about that
 * action, with examples for it that fit the words; an action they may not read is treated as not there (findOne),
 * so neither it nor its plan is ever named. Nothing is changed either way.
 */
export async function unknownReply(storage: Storage, scope: PlanView[], command: Unknown): Promise<Reply> {
  const typedRef = command.valueGuess?.ref ?? tokenize(command.text).find((t) => t.ref !== null)?.ref;
  // A problem's example ("Which action? For example: show SG-4") is about the person's own action; where they typed
  // a ref, the problem already names it.
  if (command.problem)
    return text(typedRef ? command.problem : withExampleRef(command.problem, (await exampleRefs(storage, scope)).own));
  const one = typedRef ? await findOne(storage, scope, typedRef) : null;
  if (one?.kind === 'found') return text(aboutAction(one.found, command));
  const looseRef = typedRef ?? /[A-Za-z]*[-. ]?\d+(?:[-.]\d+)*/.exec(command.text)?.[0];
  const close = looseRef ? await similarRefs(storage, scope, looseRef) : [];
  const meant = close.length === 1 ? await findOne(storage, scope, close[0]) : null;
  const refs = close.length === 1 ? oneRef(close[0]) : await exampleRefs(storage, scope);
  const commands = closestCommandsHint(command.text, rolesIn(scope), refs, meant ? maySend(meant) : undefined);
  if (close.length) return text(`I didn’t understand that. Did you mean ${close.join(' or ')}?${commands} ${HELP}`);
  return text(
    `I didn’t understand that.${commands || ` Try "my actions", "what's overdue", "show ${refs.own}" or "${refs.own} done".`} Type "help" to see everything I can do.`,
  );
}

/** Whether the person could send an example about the action they seem to mean: only what they may do to it. */
function maySend(meant: OneAction | null): (example: string) => boolean {
  return (example) => {
    const read = parseCommand(example, meant?.kind === 'found' ? meant.found.view.today : '2026-01-01');
    if (meant?.kind !== 'found') return !isChange(read);
    const { view, current } = meant.found;
    return permissionFor(read, view.actor, current.value, view.plan).allowed;
  };
}

function aboutAction({ current, view }: FoundAction, command: Unknown): string {
  const action = current.value;
  const ref = action.ref;
  const typed: TypedValue | null = command.valueGuess
    ? { value: command.valueGuess.value, period: null }
    : figureIn(command.text);
  // Examples are only of what this person may do: a value if they may give one, a change if they may make it.
  const mayGiveValue = canRecordMeasureValue(view.actor, action).allowed;
  const mayUpdate = canUpdate(view.actor, action).allowed;
  const fits = typed && mayGiveValue ? fitting(measureFits(action.measures, typed, view.today)) : [];
  const several = action.measures.length > 1;
  const valueExample = (value: TypedValue) =>
    valueCommand(ref, value, several ? (likeliestMeasure(command.text, fits)?.number ?? null) : null);
  if (command.valueGuess && typed && fits.length) {
    const whose = several ? `one of ${ref}’s measures` : `${ref}’s measure`;
    return /^(?:yes|no)$/i.test(typed.value)
      ? `If that is the answer for ${whose}, send it like this: ${valueExample(typed)}`
      : `If ${typed.value} is the latest value of ${whose}, send it like this: ${valueExample(typed)}`;
  }
  const suggested = suggestionsFor(command.text, fits.length > 0).filter(
    (s) => mayUpdate || s.kind === 'value' || s.kind === 'show' || s.kind === 'history',
  );
  const examples = [
    ...suggested.map((s) => example(s, ref, typed && fits.length ? valueExample(typed) : null)),
    ...(mayUpdate ? [] : [`show ${ref}`, `history ${ref}`]),
  ].filter((e, i, all) => all.indexOf(e) === i);
  const near = nearCommand(command.text);
  // A mistyped command word: offer the command it meant, if this person may use it.
  if (near && suggested[0]?.kind === near.suggestion.kind)
    return `I don’t know the word "${near.typed}". Did you mean "${examples[0]}"? Nothing was changed. ${HELP}`;
  const lead = asks(command.text)
    ? `I couldn’t tell what you want to know about ${ref}.`
    : `I couldn’t tell what to change on ${ref}.`;
  const wordsOnly =
    typed && fits.length === 0 && action.measures.length > 0 && action.measures.every((m) => !m.definition)
      ? ` ${ref}’s measure is in words only, so it can’t take a figure.`
      : '';
  const whoChanges = mayUpdate ? '' : ` Only ${ref}’s owner or an administrator can change it.`;
  return `${lead}${wordsOnly}${whoChanges} Nothing was changed. For example: ${examples.map((e) => `"${e}"`).join(' or ')}. ${HELP}`;
}

function example(s: Suggestion, ref: string, value: string | null): string {
  switch (s.kind) {
    case 'value':
      return value ?? `show ${ref}`;
    case 'show':
      return `show ${ref}`;
    case 'history':
      return `history ${ref}`;
    case 'status':
      return s.status === 'At risk'
        ? `${ref} at risk: what is in the way`
        : `${ref} ${s.status === 'On track' ? 'on track' : 'done'}`;
    case 'newDate':
      return s.delayed ? `${ref} delayed to ${s.when} because …` : `move ${ref} to ${s.when}`;
    case 'note':
      return `note ${ref} ${s.words ?? 'spoke to the supplier'}`;
  }
}
