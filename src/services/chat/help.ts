import { HelpView } from '../../cards/view-models';
import { HelpCommand, isFor } from '../../domain/command-help';
import { ExampleRefs, oneRef, TEMPLATE_REF, withExampleRef } from '../../domain/example-ref';
import { refKey } from '../../domain/ref';
import { Role } from '../../domain/types';
import { card, Reply, text } from './types';

/** The commands the help card shows, for whom, and the words people use for each; the Teams manifest's lists come from the same phrasings. */
export const COMMANDS: readonly HelpCommand[] = [
  {
    example: 'my actions',
    description: 'Your actions, with due dates and status. Also: my overdue, due soon.',
    audience: 'everyone',
    words: ['my', 'mine', 'actions', 'tasks', 'list'],
  },
  {
    example: "what's overdue",
    description: 'Everything overdue in the plan, by theme. Add "for health", "for Megan Bowen" or "in safeguarding".',
    audience: 'everyone',
    words: ['overdue', 'late', 'behind'],
  },
  {
    example: 'show SG-4',
    description: 'One action in full: owner, dates, measure, latest update and evidence. Just "SG-4" works too.',
    audience: 'everyone',
    words: ['show', 'details', 'view', 'status', 'latest'],
  },
  {
    example: 'history SG-4',
    description: 'Every change to an action, newest first.',
    audience: 'everyone',
    words: ['history', 'changes', 'audit', 'trail', 'log', 'timeline'],
  },
  {
    example: 'SG-4 done',
    description:
      'Update your action: done, on track (green), at risk (amber): reason. You can add evidence in the same message.',
    audience: 'everyone',
    words: ['done', 'complete', 'completed', 'finished', 'track', 'risk', 'amber', 'green', 'mark', 'status', 'update'],
  },
  {
    example: 'SG-4 measure 76%',
    description:
      'Give the latest value of an action’s measure (this month’s, or say "for last month"). "SG-4 76%" works too; for an action with several measures, say which, as in "measure 2 40".',
    audience: 'everyone',
    words: ['measure', 'value', 'figure', 'kpi', 'score', 'indicator', 'performance'],
    aboutMeasure: true,
  },
  {
    example: 'measures',
    description: 'Performance book: each measure against its target, worst first. Or: which measures are off target?',
    audience: 'everyone',
    words: ['measures', 'performance', 'book', 'kpis', 'indicators', 'targets'],
  },
  {
    example: 'SG-4 delayed to end of March because supplier problems',
    description:
      'Give a new date and the reason. "SG-4 needs another 2 weeks" works too. I will ask for whatever is missing.',
    audience: 'everyone',
    words: [
      'delay',
      'delayed',
      'late',
      'slip',
      'slipping',
      'postpone',
      'date',
      'deadline',
      'extend',
      'extension',
      'another',
    ],
  },
  {
    example: 'move SG-4 to end of next month',
    description: 'Change the due date without marking it delayed.',
    audience: 'everyone',
    words: ['move', 'push', 'reschedule', 'date', 'deadline'],
  },
  {
    example: 'evidence SG-4 https://…',
    description:
      'Add a link or a note as evidence; add "for the audit report" to link it to an item the action needs (see "show SG-4"). Sign-off needs evidence for each item, or at least one piece.',
    audience: 'everyone',
    words: ['evidence', 'proof', 'link', 'attach', 'upload', 'document'],
  },
  {
    example: 'note SG-4 spoke to the supplier',
    description: 'Add a progress note.',
    audience: 'everyone',
    words: ['note', 'notes', 'comment', 'progress', 'fyi'],
  },
  {
    example: 'sign off SG-4',
    description:
      'Chairs and executives: sign off a completed action that has its evidence. A chair can sign off without it, giving the reason: "sign off SG-4 without the audit report because …".',
    audience: 'deciders',
    words: ['sign', 'signoff', 'close', 'closed', 'completion'],
  },
  {
    example: 'approve SG-4',
    description:
      'Chairs and executives: approve the new date an owner asked for (or, for a completed action, sign it off).',
    audience: 'deciders',
    words: ['approve', 'accept', 'agree', 'approval'],
  },
  {
    example: 'decline SG-4 because the inspection date is fixed',
    description: 'Chairs and executives: decline an owner’s new date; the current date stands.',
    audience: 'deciders',
    words: ['decline', 'reject', 'refuse'],
  },
  {
    example: 'decisions',
    description: 'Chairs and executives: the new dates and sign-offs waiting for a decision.',
    audience: 'deciders',
    words: ['decisions', 'decide', 'pending', 'waiting', 'requests'],
  },
  {
    example: 'report',
    description:
      'Chairs and executives: the committee report, as a Word download or a web page. The links work for 15 minutes, and only for you.',
    audience: 'deciders',
    words: ['report', 'committee', 'highlight', 'papers'],
  },
  {
    example: 'how are we doing',
    description: 'A summary: counts by RAG and status, the change since last week, and the biggest risks.',
    audience: 'everyone',
    words: ['how', 'doing', 'summary', 'overall', 'overview', 'position'],
  },
  {
    example: "what's red",
    description:
      'Actions by RAG colour: red, amber or green, most overdue first. "Which of my actions are red?" for yours.',
    audience: 'everyone',
    words: ['red', 'reds', 'rag'],
  },
  {
    example: 'what has slipped this month',
    description:
      'Due dates moved or asked to move, actions delayed or at risk, and actions gone overdue, this week or this month.',
    audience: 'everyone',
    words: ['slipped', 'slippage', 'moved', 'gone'],
  },
  {
    example: "what's waiting for sign-off",
    description: 'Completed actions not yet signed off, longest waiting first, with how much evidence each has.',
    audience: 'everyone',
    words: ['awaiting', 'waiting', 'sign', 'signoff', 'limbo'],
  },
  {
    example: "what's due before 14 Jan",
    description: 'What is due before a date. Also: due this week, due next week, due this month.',
    audience: 'everyone',
    words: ['due', 'before', 'upcoming', 'coming', 'next'],
  },
  {
    example: 'what changed this week',
    description: 'Every action updated in the last seven days, most recent first.',
    audience: 'everyone',
    words: ['changed', 'changes', 'updated', 'updates', 'new'],
  },
  {
    example: 'who owns SG-4',
    description: 'The owner and lead agency of an action.',
    audience: 'everyone',
    words: ['who', 'owns', 'owner', 'responsible', 'lead'],
  },
  {
    example: 'my plans',
    description: 'The plans you can see, and your role in each.',
    audience: 'everyone',
    words: ['plans', 'role', 'roles'],
  },
  {
    example: 'use plan ofsted-2011 here',
    description: 'Administrators: choose the plan this chat or channel talks about.',
    audience: 'admins',
    words: ['plan', 'channel', 'bind', 'link', 'connect', 'use'],
  },
];

/** A command as the help card and the manifest show it: without whom it is for or the words that find it. */
const shown = ({ example, description }: HelpCommand): HelpView['commands'][number] => ({ example, description });

/** "References like SG-4 can be typed as sg4 too", where the ref has a simpler form that reads as it. */
function typingHint(ref: string): string {
  const plain = ref.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return plain !== ref && refKey(plain) === refKey(ref) ? ` References like ${ref} can be typed as ${plain} too.` : '';
}

/** Every command, as the Teams manifest lists them. */
export const HELP_COMMANDS: HelpView['commands'] = COMMANDS.map(shown);

/** A command's example and description about the person's actions: a decision about one they do not own. */
export function aboutTheirs(c: HelpCommand, refs: ExampleRefs): HelpView['commands'][number] {
  const ref = c.audience === 'deciders' ? refs.decide : c.aboutMeasure ? (refs.measure ?? refs.own) : refs.own;
  return { example: withExampleRef(c.example, ref), description: withExampleRef(c.description, ref) };
}

/** The help card with the commands for the person's roles (in any plan in scope), its examples about `refs` (see `exampleRefs`). */
export function helpReply(roles: ReadonlySet<Role>, refs: ExampleRefs = oneRef()): Reply {
  const commands = COMMANDS.filter((c) => isFor(c.audience, roles)).map((c) => aboutTheirs(c, refs));
  const ref = refs.own;
  const subtitle = `Type any of these.${typingHint(ref)}`;
  return card(
    'help',
    { subtitle, commands },
    `What I can do: my actions, what’s overdue, show ${ref}, ${ref} done, and more.`,
  );
}

/** "thanks", "morning!": answered in kind, with a pointer to what the bot does (about `ref`: see `exampleRefs`). */
export function smallTalkReply(thanks: boolean, ref: string = TEMPLATE_REF): Reply {
  return text(
    thanks
      ? 'You’re welcome.'
      : `Hello! Try "my actions", "what’s overdue" or "${ref} done". Type "help" to see everything I can do.`,
  );
}
