import { Command } from '../../domain/command';
import { missingEvidence, requiredItems, resolveEvidence } from '../../domain/evidence-items';
import { Action } from '../../domain/types';
import { StatusReport } from '../../use-cases/update-status';
import { confirmReply } from './confirm-replies';
import { FoundAction } from './plan-scope';
import { Reply, text } from './types';

type EvidenceCommand = Extract<Command, { kind: 'evidence' }>;
type SignOffCommand = Extract<Command, { kind: 'signOff' }>;
type StatusCommand = Extract<Command, { kind: 'setStatus' }>;

/**
 * Evidence said to be for an item that could be more than one of the action's required items is not guessed:
 * the person is asked which, with a button per item that runs the command as if they had typed the item's name.
 * Otherwise null: go ahead.
 */
export function evidenceQuestion(found: FoundAction, command: EvidenceCommand): Reply | null {
  const action = found.current.value;
  const resolved = resolveEvidence(action, command.text);
  if (resolved.kind === 'badLink')
    return text(
      `I’ve left ${action.ref} as it is: evidence can only link to a web address starting https:// (or http://). Share the document from SharePoint or OneDrive and send its link, for example: evidence ${action.ref} https://…`,
    );
  if (resolved.kind !== 'ask') return null;
  return confirmReply(found.view.plan.id, `Which item of evidence is this for on ${action.ref}?`, resolved.text, [
    ...resolved.items.map((item) => ({ title: item, text: `evidence ${action.ref} ${resolved.text} for ${item}` })),
    { title: 'None of these', text: `evidence ${action.ref} ${resolved.text}` },
    { title: 'Cancel', text: null },
  ]);
}

/** The use case's input for evidence as typed: the evidence, the required item it is linked to, and any link in it. */
export function evidenceInput(
  action: Action,
  typed: string,
): { text: string; item: string | null; url: string | null; named: string | null } {
  const resolved = resolveEvidence(action, typed);
  switch (resolved.kind) {
    case 'add':
      return { text: resolved.text, item: resolved.item, url: resolved.url, named: null };
    case 'unknown':
      return { text: resolved.text, item: null, url: resolved.url, named: resolved.named };
    case 'ask':
    case 'badLink':
      // Only reached if the question was skipped: linked to nothing rather than guessed, and no link kept.
      return { text: resolved.text, item: null, url: null, named: null };
  }
}

/**
 * A status with evidence typed with it ("6(a) done - evidence: https://… for the audit report"): the evidence is
 * linked to the item it names when that is plain; when it could be more than one, it is linked to none.
 */
export function statusReport(action: Action, command: StatusCommand): StatusReport {
  const report = {
    status: command.status,
    comment: command.comment,
    evidence: command.evidence,
    ...(command.completedOn ? { completedOn: command.completedOn } : {}),
  };
  if (!command.evidence) return report;
  const resolved = resolveEvidence(action, command.evidence);
  // Words about an item it does not plainly match stay as typed, linked to nothing.
  return resolved.kind === 'add' ? { ...report, evidence: resolved.text, evidenceItem: resolved.item } : report;
}

/** " Still needed for sign-off: …" when required items lack evidence, else nothing. */
export function stillNeeded(action: Action): string {
  const missing = missingEvidence(action);
  return missing.length ? ` Still needed for sign-off: ${missing.join(', ')}.` : '';
}

/** What the bot says once evidence is added: which item it is for, and what is still missing. */
export function evidenceBanner(after: Action, typed: string): string {
  const added = after.evidence[after.evidence.length - 1];
  const missing = missingEvidence(after);
  const still = stillNeeded(after);
  if (added?.item) return `Evidence for ${added.item} added to ${after.ref}.${still}`;
  if (requiredItems(after).length === 0) return `Evidence added to ${after.ref}.`;
  const { named } = evidenceInput({ ...after, evidence: [] }, typed);
  const why = named
    ? `${after.ref} requires nothing called "${named}" (it requires ${requiredItems(after).join(', ')}), so it`
    : 'It';
  return (
    `Evidence added to ${after.ref}. ${why} is not linked to a required item.${still}` +
    (missing.length ? ` To link evidence: evidence ${after.ref} https://… for ${missing[0]}` : '')
  );
}

/** What the bot says once signed off: and, for an override, what it went without. */
export function signOffBanner(after: Action, before: Action, command: SignOffCommand): string {
  if (!command.override) return `${after.ref} is signed off.`;
  const missing = missingEvidence(before);
  const without = missing.length
    ? ` without evidence for ${missing.join(', ')}`
    : before.evidence.length === 0
      ? ' without evidence'
      : '';
  return `${after.ref} is signed off${without}. Your reason is in its history.`;
}
