import { Activity } from 'botbuilder';

/** The Microsoft 365 tenant an activity comes from, wherever Teams put it. */
export function tenantOf(activity: Partial<Activity>): string | null {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const id = activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
  return id ? id.toLowerCase() : null;
}

/** An empty allow-list (local mode only; production requires one) lets every tenant in. */
export function tenantAllowed(activity: Partial<Activity>, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const tenant = tenantOf(activity);
  return tenant !== null && allowed.includes(tenant);
}
