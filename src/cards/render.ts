import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { projectRoot } from '../project-root';
import { withTextLimits } from './text-inputs';

export const CARD_NAMES = [
  'help',
  'action-list',
  'overdue',
  'action-detail',
  'history',
  'digest',
  'reminder',
  'decisions',
  'summary',
  'confirm',
  'report-link',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

/** An Adaptive Card 1.5 as plain JSON, ready to be sent as an attachment. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export const CARDS_DIR = path.join(projectRoot(), 'cards');
const templates = new Map<CardName, ACData.Template>();

function template(name: CardName): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    // Text boxes take their maxLength from the one table of text limits, not from the JSON.
    t = new ACData.Template(withTextLimits(JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'))));
    templates.set(name, t);
  }
  return t;
}

/**
 * Text people typed is shown as written, never as a link: `[text](url)` in a
 * note would otherwise render as a link whose address the reader cannot see.
 * Links the cards make themselves (evidence) are built in the template.
 */
function inert(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\]\(/g, '] (');
  if (Array.isArray(value)) return value.map(inert);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inert(v)]));
  return value;
}

/**
 * Binds a template to its view model. Text from users is data, never
 * template: the engine does not evaluate `${…}` found inside bound values.
 */
export function renderCard(name: CardName, data: object): AdaptiveCard {
  return template(name).expand({ $root: inert(data) }) as AdaptiveCard;
}
