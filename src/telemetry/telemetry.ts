import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import type { Context } from '@opentelemetry/api';
import type { MetricReader } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { PERSONAL_ATTRIBUTES, redactStack, redactUrl, URL_ATTRIBUTES } from './redact';

/**
 * Removes from every span, before any exporter sees it, what could identify
 * a person or quote them: identifying URL parts, addresses, user agents and
 * exception messages. Azure Monitor's documentation filters telemetry the
 * same way, in a span processor's onEnd.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  onStart(_span: Span, _context: Context): void {}

  onEnd(span: ReadableSpan): void {
    const attributes = span.attributes;
    for (const key of URL_ATTRIBUTES) {
      const value = attributes[key];
      if (typeof value === 'string') attributes[key] = key === 'url.query' ? '' : redactUrl(value);
    }
    for (const key of PERSONAL_ATTRIBUTES) delete attributes[key];
    for (const event of span.events) {
      const eventAttributes = event.attributes;
      if (event.name !== 'exception' || !eventAttributes) continue;
      if ('exception.message' in eventAttributes) eventAttributes['exception.message'] = '(removed)';
      const stack = eventAttributes['exception.stacktrace'];
      if (typeof stack === 'string') eventAttributes['exception.stacktrace'] = redactStack(stack);
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export interface Telemetry {
  readonly enabled: boolean;
  /** Sends what is buffered and stops; call before the process exits. */
  stop(): Promise<void>;
}

/** Tests add an in-memory exporter here, to see exactly what would be sent. */
export interface TelemetryExtras {
  spanProcessors?: SpanProcessor[];
  metricReaders?: MetricReader[];
  /** 0 keeps every trace (a test must see them all); the default samples at most 5 a second. */
  tracesPerSecond?: number;
}

export function telemetryOptions(
  connectionString: string,
  extras: TelemetryExtras = {},
): AzureMonitorOpenTelemetryOptions {
  return {
    azureMonitorExporterOptions: { connectionString },
    // Redaction first: the exporters that follow see only what it leaves.
    spanProcessors: [new RedactingSpanProcessor(), ...(extras.spanProcessors ?? [])],
    metricReaders: extras.metricReaders,
    ...(extras.tracesPerSecond !== undefined && { tracesPerSecond: extras.tracesPerSecond }),
    // Live Metrics streams unfiltered request details to the portal as they happen.
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      // Logs stay in pino's output: they are not sent to Application Insights.
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  };
}

const OFF: Telemetry = { enabled: false, stop: async () => undefined };

/**
 * Starts sending requests, storage and Bot Connector calls, exceptions and
 * job metrics to Application Insights when a connection string is set.
 * Without one, the Azure Monitor packages are never loaded. Call it before
 * the server is created, so that its HTTP traffic is instrumented.
 */
export function startTelemetry(connectionString: string | null | undefined, extras: TelemetryExtras = {}): Telemetry {
  if (!connectionString?.trim()) return OFF;
  // Required here, not imported at the top, so that nothing of it loads when telemetry is off.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const monitor = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  monitor.useAzureMonitor(telemetryOptions(connectionString.trim(), extras));
  return { enabled: true, stop: () => monitor.shutdownAzureMonitor() };
}
