import { Action, Plan, Role } from '../domain/types';
import { ActionStore, Versioned } from './action-store';
import { PlanStore } from './plan-store';
import { RoleStore } from './role-store';

/** What decides what one person sees of a plan: the plan, their roles in it, and its actions. */
export interface PlanAsRead {
  plan: Plan | null;
  roles: ReadonlySet<Role>;
  /** The same array for as long as the plan's actions are unchanged (ActionStore.snapshot). */
  actions: Versioned<Action>[];
}

/**
 * How long a copy of a plan's details or someone's roles is used without reading them again, even when
 * the version row has not moved. Every change made through the stores moves it at once; this bounds only
 * a change the row missed (an instance stopped between saving a role and moving the row, or a table
 * edited by hand).
 */
export const ACCESS_CHECKED_WITHIN_MS = 10_000;
const KEPT_PLANS = 50;
const KEPT_ROLES = 5_000;

interface Kept<T> {
  /** The version row's ETag it was read under. */
  access: string;
  readAt: number;
  value: T;
}

/**
 * Reads a plan for one person in one storage read when nothing changed: a point read of the plan's
 * version row (ActionStore.heads), which moves on with every change to its actions, its details or its
 * roles (access-row.ts), says whether the copies held here are current, whichever instance made the last
 * change. What changed is read again after the version, so a copy is never kept under a version older
 * than itself.
 */
export class PlanReader {
  private readonly plans = new Map<string, Kept<Plan | null>>();
  private readonly roles = new Map<string, Kept<ReadonlySet<Role>>>();

  constructor(
    private readonly planStore: PlanStore,
    private readonly roleStore: RoleStore,
    private readonly actionStore: ActionStore,
  ) {}

  async read(planId: string, email: string, now = Date.now()): Promise<PlanAsRead> {
    const heads = await this.actionStore.heads(planId);
    // A plan with no version row yet (an earlier release saved its details, no action since) is read afresh.
    const key = heads.version;
    const [plan, roles, actions] = await Promise.all([
      this.current(this.plans, KEPT_PLANS, planId, key, now, () => this.planStore.get(planId)),
      this.current(this.roles, KEPT_ROLES, `${planId}\n${email}`, key, now, () =>
        this.roleStore.rolesOf(planId, email),
      ),
      this.actionStore.snapshotAt(planId, heads),
    ]);
    // Copies read without a version row are not kept (see current), so starting it here cannot hide a change.
    if (key === null && plan !== null) await this.planStore.startAccessRow(planId);
    return { plan, roles, actions };
  }

  /** The copy under `name` if it was read under these heads, recently enough; else read again and kept. */
  private async current<T>(
    kept: Map<string, Kept<T>>,
    limit: number,
    name: string,
    access: string | null,
    now: number,
    read: () => Promise<T>,
  ): Promise<T> {
    const held = kept.get(name);
    if (held && access !== null && held.access === access && now - held.readAt < ACCESS_CHECKED_WITHIN_MS)
      return held.value;
    const value = await read();
    kept.delete(name);
    if (access !== null) {
      kept.set(name, { access, readAt: now, value });
      if (kept.size > limit) kept.delete(kept.keys().next().value as string);
    }
    return value;
  }
}
