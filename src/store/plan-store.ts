import { odata } from '@azure/data-tables';
import { Plan } from '../domain/types';
import { compact, Row, str, strOrNull } from './entity-codec';
import { statusCodeOf, translateStorageError } from './errors';
import { escapeKey } from './keys';
import { assertWithinLimits } from './limits';
import { Tables } from './tables';

const PARTITION = 'plan';

function toPlan(row: Row): Plan {
  return {
    id: str(row, 'planId'),
    title: str(row, 'title'),
    sourceDocument: strOrNull(row, 'sourceDocument'),
    baselineDate: str(row, 'baselineDate'),
    timeZone: str(row, 'timeZone') || 'Europe/London',
    remindSchedule: strOrNull(row, 'remindSchedule'),
    digestSchedule: strOrNull(row, 'digestSchedule'),
  };
}

export class PlanStore {
  constructor(private readonly tables: Tables) {}

  async get(id: string): Promise<Plan | null> {
    const table = await this.tables.client('plans');
    try {
      return toPlan(await table.getEntity<Row>(PARTITION, escapeKey(id)));
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error);
    }
  }

  async list(): Promise<Plan[]> {
    const table = await this.tables.client('plans');
    const plans: Plan[] = [];
    try {
      for await (const row of table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` } })) {
        plans.push(toPlan(row));
      }
    } catch (error) {
      throw translateStorageError(error);
    }
    return plans.sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Plans are only created or edited by administrators, so last write wins. */
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
    });
    assertWithinLimits(entity);
    try {
      await table.upsertEntity(entity, 'Replace');
    } catch (error) {
      throw translateStorageError(error);
    }
  }
}
