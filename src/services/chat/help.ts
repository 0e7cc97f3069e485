import { HelpView } from '../../cards/view-models';

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
  { example: 'how are we doing', description: 'A summary: counts by RAG and status, the change since last week, and the biggest risks.' },
  { example: 'what has slipped this month', description: 'Due dates moved and actions gone overdue, this week or this month.' },
  { example: "what's waiting for sign-off", description: 'Completed actions not yet signed off, longest waiting first, with how much evidence each has.' },
  { example: "what's due before 14 Jan", description: 'What is due before a date. Also: due this week, due next week, due this month.' },
  { example: 'what changed this week', description: 'Every action updated in the last seven days, most recent first.' },
  { example: 'who owns SG-4', description: 'The owner and lead agency of an action.' },
  { example: 'my plans', description: 'The plans you can see, and your role in each.' },
  { example: 'use plan ofsted-2011 here', description: 'Administrators: choose the plan this chat or channel talks about.' },
];
