import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { projectRoot } from '../project-root';

export const CARD_NAMES = ['help', 'action-list', 'overdue', 'action-detail', 'history', 'digest', 'reminder', 'decisions'] as const;
export type CardName = (typeof CARD_NAMES)[number];

/** An Adaptive Card 1.5 as plain JSON, ready to be sent as an attachment. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export const CARDS_DIR = path.join(projectRoot(), 'cards');
const templates = new Map<CardName, ACData.Template>();

function template(name: CardName): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t;
}

/**
 * Binds a template to its view model. Text from users is data, never
 * template: the engine does not evaluate `${…}` found inside bound values.
 */
export function renderCard(name: CardName, data: object): AdaptiveCard {
  return template(name).expand({ $root: data }) as AdaptiveCard;
}
