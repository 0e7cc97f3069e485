import type { ActionDetail } from '../api-types';
import { dueDates, formatDate, formatInstant } from './dates';
import { overdueWords, RAG_WORDS } from './words';

/**
 * An action's facts as the panel lists them, label and value. The server sends "" for a field the plan
 * leaves blank, so a blank reads as "None recorded", never as an empty line.
 */
export function detailFacts(action: ActionDetail): [string, string][] {
  const facts: [string, string][] = [
    ['RAG', `${RAG_WORDS[action.rag]}${action.overdue ? `, ${overdueWords(action.daysOverdue)}` : ''}`],
    ['Status', action.awaitingSignOff ? `${action.status}, awaiting sign-off` : action.status],
    ['Owner', action.owner ? `${action.owner.displayName} (${action.owner.email})` : 'No owner'],
    ['Agency', action.agency || 'None recorded'],
    ['Theme', action.theme || 'None recorded'],
    ['Timescale', action.timescale || 'None recorded'],
    ['Due', dueDates(action)],
  ];
  if (action.revisionCount > 0) {
    facts.push(['Date moved', `${action.revisionCount} ${action.revisionCount === 1 ? 'time' : 'times'}`]);
  }
  if (action.revisionReason) facts.push(['Why it moved', action.revisionReason]);
  if (action.dateRequest) {
    const { date, by, at, reason } = action.dateRequest;
    facts.push(['New date asked for', `${formatDate(date)} by ${by} on ${formatInstant(at)}: ${reason}`]);
  }
  if (action.latestUpdate) {
    const { text, by, at } = action.latestUpdate;
    facts.push(['Latest update', `${text} (${by}, ${formatInstant(at)})`]);
  }
  return facts;
}
