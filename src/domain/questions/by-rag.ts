import { daysOverdue, ragOf } from '../rag';
import { compareRefs } from '../ref';
import { Action, IsoDate } from '../types';
import { RagColour } from './question';

export interface RagItem {
  action: Action;
  rag: RagColour;
  daysOverdue: number;
}

const ORDER: readonly RagColour[] = ['red', 'amber', 'green'];

/** "Which actions are red?": the actions of the colours asked for, red first, then most overdue, then by ref. */
export function actionsByRag(actions: readonly Action[], colours: readonly RagColour[], today: IsoDate): RagItem[] {
  const items: RagItem[] = [];
  for (const action of actions) {
    const rag = ragOf(action, today);
    if (rag === 'red' || rag === 'amber' || rag === 'green') {
      if (colours.includes(rag)) items.push({ action, rag, daysOverdue: daysOverdue(action, today) });
    }
  }
  return items.sort(
    (a, b) =>
      ORDER.indexOf(a.rag) - ORDER.indexOf(b.rag) ||
      b.daysOverdue - a.daysOverdue ||
      compareRefs(a.action.ref, b.action.ref),
  );
}
