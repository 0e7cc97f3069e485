import { metrics, SpanStatusCode, trace } from '@opentelemetry/api';

const meter = () => metrics.getMeter('action-tracker');

/**
 * Counts one job run's recipients by outcome (sent, unreachable, failed,
 * already sent…). Only the job's name and the outcome are recorded: no plan,
 * person or card. Without telemetry the OpenTelemetry API does nothing.
 */
export function recordJobRun(job: string, recipients: readonly { outcome: string }[]): void {
  meter().createCounter('action_tracker.job.runs', { description: 'Job runs' }).add(1, { job });
  const counter = meter().createCounter('action_tracker.job.recipients', {
    description: 'Recipients of a job run, by outcome',
  });
  const counts = new Map<string, number>();
  for (const r of recipients) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  for (const [outcome, count] of counts) counter.add(count, { job, outcome });
}

/** Marks the request being handled as failed, with the error's type and stack (its message is removed before export). */
export function recordException(error: unknown): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.recordException(error instanceof Error ? error : new Error(typeof error));
  span.setStatus({ code: SpanStatusCode.ERROR });
}
