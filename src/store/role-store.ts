import { odata, TableClient } from '@azure/data-tables';
import { Role, ROLES } from '../domain/types';
import { compact, Row, str, strOrNull } from './entity-codec';
import { ConflictError, statusCodeOf, translateStorageError } from './errors';
import { getOrNull, queryRows } from './table-ops';
import { escapeKey } from './keys';
import { Tables } from './tables';
import { touchAccess } from './access-row';

/** Roles granted under this plan id apply to every plan. */
export const ALL_PLANS = '*';

export interface PersonRoles {
  planId: string;
  email: string;
  displayName: string | null;
  roles: Role[];
}

function toPerson(row: Row): PersonRoles {
  const roles = str(row, 'roles')
    .split(',')
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return { planId: str(row, 'planId'), email: str(row, 'email'), displayName: strOrNull(row, 'displayName'), roles };
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export class RoleStore {
  /** `planIds`: every plan, whose readers' copies a role granted for all plans makes stale. */
  constructor(
    private readonly tables: Tables,
    private readonly planIds: () => Promise<string[]>,
  ) {}

  private table(): Promise<TableClient> {
    return this.tables.client('roles');
  }

  /** The roles a person holds in a plan, including those granted for every plan. */
  async rolesOf(planId: string, email: string): Promise<Set<Role>> {
    const table = await this.table();
    const rowKey = escapeKey(normaliseEmail(email));
    const read = async (partition: string): Promise<Role[]> => {
      const row = await getOrNull(table, partition, rowKey);
      return row ? toPerson(row).roles : [];
    };
    const granted = await Promise.all([read(escapeKey(planId)), read(ALL_PLANS)]);
    return new Set(granted.flat());
  }

  async list(planId: string): Promise<PersonRoles[]> {
    return (await queryRows(await this.table(), odata`PartitionKey eq ${escapeKey(planId)}`)).map(toPerson);
  }

  /** Every role row, those for every plan first, then by plan id. */
  async listAll(): Promise<PersonRoles[]> {
    const rows = (await queryRows(await this.table(), "PartitionKey ne ''")).map(toPerson);
    const order = (p: PersonRoles) => (p.planId === ALL_PLANS ? '' : p.planId);
    return rows.sort((a, b) => order(a).localeCompare(order(b)) || a.email.localeCompare(b.email));
  }

  grant(planId: string, email: string, role: Role, displayName?: string): Promise<PersonRoles> {
    return this.change(planId, email, (roles) => roles.add(role), displayName);
  }

  revoke(planId: string, email: string, role: Role): Promise<PersonRoles> {
    return this.change(planId, email, (roles) => roles.delete(role));
  }

  /** Read, change, write back with the ETag; retried because grants are rare and idempotent. */
  private async change(
    planId: string,
    email: string,
    edit: (roles: Set<Role>) => void,
    displayName?: string,
  ): Promise<PersonRoles> {
    const table = await this.table();
    const key = { partitionKey: escapeKey(planId), rowKey: escapeKey(normaliseEmail(email)) };
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await getOrNull(table, key.partitionKey, key.rowKey);
      const person: PersonRoles = existing
        ? toPerson(existing)
        : { planId, email: normaliseEmail(email), displayName: null, roles: [] };
      const roles = new Set(person.roles);
      edit(roles);
      const updated: PersonRoles = {
        ...person,
        displayName: displayName ?? person.displayName,
        roles: ROLES.filter((r) => roles.has(r)),
      };
      const entity = compact({
        ...key,
        planId,
        email: updated.email,
        displayName: updated.displayName,
        roles: updated.roles.join(','),
      });
      try {
        if (existing) await table.updateEntity(entity, 'Replace', { etag: existing.etag });
        else await table.createEntity(entity);
      } catch (error) {
        const status = statusCodeOf(error);
        if (status !== 412 && status !== 409) throw translateStorageError(error);
        continue;
      }
      // After the roles are saved, so a reader who sees the plan's version moved on reads the new roles.
      await touchAccess(this.tables, planId === ALL_PLANS ? await this.planIds() : [planId]);
      return updated;
    }
    throw new ConflictError({ kind: 'roles', email });
  }
}
