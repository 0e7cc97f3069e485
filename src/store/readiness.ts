import { isUnreachable, statusCodeOf } from './errors';
import { Tables } from './tables';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Longer than the SDK's own retries of a refused connection (about 4 s), so "cannot be reached" is what is reported. */
export const READY_TIMEOUT_MS = 6000;

/**
 * Whether storage answers: the smallest real query (one row of the plans
 * table). The reason is fixed text and a status code, never the SDK's
 * message, which can carry the account's address and a SAS token.
 */
export async function checkStorageReady(tables: Tables, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ready: false, reason: `Storage did not answer within ${Math.round(timeoutMs / 1000)} s.` });
    }, timeoutMs);
  });
  const probe = (async (): Promise<Readiness> => {
    const plans = await tables.client('plans');
    await plans.listEntities({ abortSignal: controller.signal }).byPage({ maxPageSize: 1 }).next();
    return { ready: true };
  })().catch((error: unknown): Readiness => {
    if (isUnreachable(error)) return { ready: false, reason: 'Storage cannot be reached.' };
    const status = statusCodeOf(error);
    return {
      ready: false,
      reason: status ? `Storage refused the request (HTTP ${status}).` : 'Storage could not be queried.',
    };
  });
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
