import { odata } from '@azure/data-tables';
import { Plan } from '../domain/types';
import { compact, Row, str, strOrNull, strsOrNull } from './entity-codec';
import { getOrNull, queryRows, storageCall } from './table-ops';
import { escapeKey } from './keys';
import { assertWithinLimits } from './limits';
import { Tables } from './tables';
import { touchAccess } from './access-row';
import { UK_TIME_ZONE } from '../domain/time-zone';

const PARTITION = 'plan';

function toPlan(row: Row): Plan {
  return {
    id: str(row, 'planId'),
    title: str(row, 'title'),
    baselineDate: str(row, 'baselineDate'),
    timeZone: str(row, 'timeZone') || UK_TIME_ZONE,
    ...strsOrNull(row, ['sourceDocument', 'remindSchedule', 'digestSchedule']),
    // Plans stored before the setting existed keep separation of duties on.
    separationOfDuties: {
      enforced: row.separationOfDuties !== false,
      setBy: strOrNull(row, 'separationOfDutiesSetBy'),
      setAt: strOrNull(row, 'separationOfDutiesSetAt'),
    },
    // Plans stored before the setting existed use the default.
    ...(typeof row.limboWeeks === 'number' ? { limboWeeks: row.limboWeeks } : {}),
  };
}

export class PlanStore {
  constructor(private readonly tables: Tables) {}

  async get(id: string): Promise<Plan | null> {
    const row = await getOrNull(await this.tables.client('plans'), PARTITION, escapeKey(id));
    return row && toPlan(row);
  }

  async list(): Promise<Plan[]> {
    const rows = await queryRows(await this.tables.client('plans'), odata`PartitionKey eq ${PARTITION}`);
    return rows.map(toPlan).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Plans are only created or edited by administrators, so last write wins; readers' copies go at once (touchAccess). */
  async save(plan: Plan): Promise<void> {
    const table = await this.tables.client('plans');
    const entity = compact({
      partitionKey: PARTITION,
      rowKey: escapeKey(plan.id),
      planId: plan.id,
      title: plan.title,
      sourceDocument: plan.sourceDocument,
      baselineDate: plan.baselineDate,
      timeZone: plan.timeZone,
      remindSchedule: plan.remindSchedule,
      digestSchedule: plan.digestSchedule,
      separationOfDuties: plan.separationOfDuties.enforced,
      separationOfDutiesSetBy: plan.separationOfDuties.setBy,
      separationOfDutiesSetAt: plan.separationOfDuties.setAt,
      limboWeeks: plan.limboWeeks,
    });
    assertWithinLimits(entity);
    await storageCall(() => table.upsertEntity(entity, 'Replace'));
    await touchAccess(this.tables, [plan.id]);
  }

  /**
   * Starts a plan's version row when it has none: a plan whose details an earlier release saved, with no
   * action written since. Until then, readers read its details and roles afresh on every request; from then
   * on, one read tells them nothing changed.
   */
  async startAccessRow(planId: string): Promise<void> {
    await touchAccess(this.tables, [planId]);
  }
}
