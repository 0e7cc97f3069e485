import { TableClient } from '@azure/data-tables';
import { StorageSettings } from '../config';
import { ActionStore } from './action-store';
import { startEmbeddedAzurite } from './embedded-azurite';
import { ConversationStore } from './conversation-store';
import { DeliveryLedger } from './delivery-ledger';
import { DigestTotalsStore } from './digest-totals-store';
import { GlossaryStore } from './glossary-store';
import { MeasureStore } from './measure-store';
import { OutboxStore } from './outbox-store';
import { PeopleStore } from './people-store';
import { PlanImports } from './plan-imports';
import { PlanReader } from './plan-reader';
import { PlanStore } from './plan-store';
import { RoleStore } from './role-store';
import { TableClientFactory, Tables } from './tables';

export interface Storage {
  tables: Tables;
  plans: PlanStore;
  actions: ActionStore;
  /** The values of the plan's measures (written with their actions, through `actions`). */
  measures: MeasureStore;
  /** Imports staged, published and copied over, so nobody sees half of one. */
  imports: PlanImports;
  roles: RoleStore;
  /** A plan, someone's roles in it and its actions, in one read when none of them changed. */
  planReader: PlanReader;
  glossary: GlossaryStore;
  conversations: ConversationStore;
  people: PeopleStore;
  deliveries: DeliveryLedger;
  /** Notifications waiting to be delivered (written with the changes that cause them, through `actions`). */
  outbox: OutboxStore;
  digestTotals: DigestTotalsStore;
  /** Stops the embedded emulator if this process started it. */
  close(): Promise<void>;
}

export function storesOver(tables: Tables, close: () => Promise<void> = async () => undefined): Storage {
  const plans = new PlanStore(tables);
  const glossary = new GlossaryStore(tables);
  const actions = new ActionStore(tables);
  const roles = new RoleStore(tables, async () => (await plans.list()).map((p) => p.id));
  return {
    tables,
    plans,
    actions,
    measures: new MeasureStore(tables),
    imports: new PlanImports(tables, plans, glossary),
    roles,
    planReader: new PlanReader(plans, roles, actions),
    glossary,
    conversations: new ConversationStore(tables),
    people: new PeopleStore(tables),
    deliveries: new DeliveryLedger(tables),
    outbox: new OutboxStore(tables),
    digestTotals: new DigestTotalsStore(tables),
    close,
  };
}

export function connectionStringFactory(connectionString: string): TableClientFactory {
  const allowInsecureConnection = /DefaultEndpointsProtocol=http;|TableEndpoint=http:/i.test(connectionString);
  return (name) => TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection });
}

/** Connects to the configured storage, starting the embedded emulator when none is configured. */
export async function openStorage(settings: StorageSettings, tablePrefix: string): Promise<Storage> {
  switch (settings.kind) {
    case 'connectionString':
      return storesOver(new Tables(connectionStringFactory(settings.connectionString), tablePrefix));
    case 'accountUrl': {
      const { managedIdentityFactory } = await import('./azure-credential');
      return storesOver(new Tables(managedIdentityFactory(settings.accountUrl), tablePrefix));
    }
    case 'embedded': {
      const azurite = await startEmbeddedAzurite({
        port: settings.port,
        location: settings.dataDir,
        saveEveryWrite: settings.saveEachChange,
      });
      return storesOver(new Tables(connectionStringFactory(azurite.connectionString), tablePrefix), azurite.stop);
    }
  }
}
