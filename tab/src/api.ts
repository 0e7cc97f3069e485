import type { ActionDetail, ApiError, Me, PlanPage, ReportFormat, ReportLink } from './api-types';

/** A refusal from the API, with the server's plain-English message and its code (`not-signed-in`, `not-found`, …). */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Local mode only: the demo people the page can be opened as. */
    readonly people: readonly { email: string; name: string }[] = [],
  ) {
    super(message);
  }
}

export interface ApiClient {
  me(): Promise<Me>;
  plan(planId: string): Promise<PlanPage>;
  action(planId: string, ref: string): Promise<ActionDetail>;
  /** The report's own address, for a plain link: local mode only (`as=`), where the link can say who is asking. */
  reportFile(planId: string, format: ReportFormat): string | null;
  /** A signed link to the report, for Teams: a download cannot carry the sign-in token. */
  reportLink(planId: string, format: ReportFormat): Promise<ReportLink>;
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

/**
 * Calls the tab's API on the server that served the page. In Teams every call carries the SSO token;
 * in local mode (`as=` in the page's address) the same `as` goes on each call instead.
 */
export function apiClient(options: { as: string | null; token: () => Promise<string | null> }): ApiClient {
  const report = (planId: string, route: string, format: ReportFormat) =>
    `/api/tab/plans/${encodeURIComponent(planId)}/${route}?format=${format}`;
  async function get<T>(path: string): Promise<T> {
    const url = new URL(path, window.location.origin);
    if (options.as) url.searchParams.set('as', options.as);
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = options.as ? null : await options.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(url, { headers });
    } catch {
      throw new ApiRefusal(0, 'network', 'The plan could not be reached. Check your connection and try again.');
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      if (isApiError(body))
        throw new ApiRefusal(response.status, body.error.code, body.error.message, body.error.people ?? []);
      throw new ApiRefusal(response.status, 'unknown', 'Something went wrong on the server. Please try again.');
    }
    return body as T;
  }
  return {
    me: () => get<Me>('/api/tab/me'),
    plan: (planId) => get<PlanPage>(`/api/tab/plans/${encodeURIComponent(planId)}`),
    action: (planId, ref) =>
      get<ActionDetail>(`/api/tab/plans/${encodeURIComponent(planId)}/actions/${encodeURIComponent(ref)}`),
    reportFile: (planId, format) => {
      if (!options.as) return null;
      const url = new URL(report(planId, 'report', format), window.location.origin);
      url.searchParams.set('as', options.as);
      return url.pathname + url.search;
    },
    reportLink: (planId, format) => get<ReportLink>(report(planId, 'report-link', format)),
  };
}
