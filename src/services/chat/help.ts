import { HelpView } from '../../cards/view-models';
import { Reply, text } from './types';

/** The commands the help card shows; the Teams manifest's command lists come from the same phrasings. */
export const HELP_COMMANDS: HelpView['commands'] = [
  { example: 'my actions', description: 'Your actions, with due dates and status. Also: my overdue, due soon.' },
  { example: "what's overdue", description: 'Everything overdue in the plan, by theme. Add "for health", "for Megan Bowen" or "in safeguarding".' },
  { example: 'show SG-4', description: 'One action in full: owner, dates, measure, latest update and evidence. Just "SG-4" works too.' },
  { example: 'history SG-4', description: 'Every change to an action, newest first.' },
  { example: 'SG-4 done', description: 'Update your action: done, on track, at risk: reason.' },
  { example: 'SG-4 delayed to 30/09/2026 because supplier problems', description: 'Give a new date and the reason. I will ask for whatever is missing.' },
  { example: 'move SG-4 to end of October', description: 'Change the due date without marking it delayed.' },
  { example: 'evidence SG-4 https://…', description: 'Add a link or a note as evidence. Sign-off needs at least one.' },
  { example: 'note SG-4 spoke to the supplier', description: 'Add a progress note.' },
  { example: 'sign off SG-4', description: 'Chairs and executives: sign off a completed action that has evidence.' },
  { example: 'approve SG-4', description: 'Chairs and executives: approve the new date an owner asked for (or, for a completed action, sign it off).' },
  { example: 'decline SG-4 because the inspection date is fixed', description: 'Chairs and executives: decline an owner’s new date; the current date stands.' },
  { example: 'decisions', description: 'Chairs and executives: the new dates and sign-offs waiting for a decision.' },
  { example: 'use plan ofsted-2011 here', description: 'Administrators: choose the plan this chat or channel talks about.' },
];

/** "thanks", "morning!": answered in kind, with a pointer to what the bot does. */
export function smallTalkReply(thanks: boolean): Reply {
  return text(thanks ? 'You’re welcome.' : 'Hello! Type "help" to see what I can do, or "my actions" to see yours.');
}
