// Telemetry in a process of its own: OpenTelemetry instruments modules as
// Node loads them, which it cannot do inside Jest's module system. Prints
// what an in-memory exporter received, and what reached a local stand-in
// for the Application Insights ingestion endpoint. Uses the compiled app in dist/.
const fs = require('node:fs');
const https = require('node:https');
const zlib = require('node:zlib');

function startSink() {
  const bodies = [];
  // The exporter only sends over https, so the stand-in has a throwaway certificate (the test trusts it).
  const tls = { key: fs.readFileSync(process.env.SINK_KEY), cert: fs.readFileSync(process.env.SINK_CERT) };
  const server = https.createServer(tls, (req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      let text;
      try {
        text = zlib.gunzipSync(raw).toString('utf8');
      } catch {
        text = raw.toString('utf8');
      }
      bodies.push(text);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `https://127.0.0.1:${server.address().port}/`, bodies, server }),
    ),
  );
}

async function off() {
  const { telemetry } = require('../../dist/telemetry/preload');
  require('../../dist/teams/server');
  require('../../dist/cli/program');
  const loaded = Object.keys(require.cache).filter((k) =>
    /[\\/]@azure[\\/]monitor-opentelemetry|[\\/]@opentelemetry[\\/]sdk-/.test(k),
  );
  return { enabled: telemetry.enabled, loaded };
}

async function on() {
  const { InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');
  const {
    InMemoryMetricExporter,
    AggregationTemporality,
    PeriodicExportingMetricReader,
  } = require('@opentelemetry/sdk-metrics');
  const sink = await startSink();
  const spans = new InMemorySpanExporter();
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 600_000 });
  const { startTelemetry } = require('../../dist/telemetry/telemetry');
  const telemetry = startTelemetry(
    `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=${sink.url}`,
    {
      spanProcessors: [new SimpleSpanProcessor(spans)],
      metricReaders: [reader],
      tracesPerSecond: 0,
    },
  );

  // The app, loaded after telemetry started, as main.ts does.
  const { trace } = require('@opentelemetry/api');
  const { loadConfig } = require('../../dist/config');
  const { createLogger } = require('../../dist/log');
  const { connectionStringFactory, storesOver } = require('../../dist/store/open-storage');
  const { Tables } = require('../../dist/store/tables');
  const { startServer } = require('../../dist/teams/server');
  const { runReminders } = require('../../dist/jobs/remind');
  const { Pacer } = require('../../dist/jobs/pacer');
  const { TeamsSender } = require('../../dist/teams/proactive-sender');
  const { createAdapter } = require('../../dist/teams/sender-factory');
  const { recordJobRun, recordException } = require('../../dist/telemetry/record');
  const { freePort } = require('../../dist/store/embedded-azurite');
  const { DEMO_PLAN_ID } = require('../../dist/services/demo-seed');

  const { CONNECTION_STRING, TABLE_PREFIX, SERVER_ENV, ACTIVITY } = process.env;
  const storage = storesOver(new Tables(connectionStringFactory(CONNECTION_STRING), TABLE_PREFIX));
  const log = createLogger('silent');
  const config = loadConfig({ ...JSON.parse(SERVER_ENV), PORT: String(await freePort()) });
  const server = await startServer(config, storage, log, '127.0.0.1');
  // A person's message, with something identifying in the query string too.
  const answer = await fetch(`${server.url}?conversation=a%3Apersonal-zqxquery`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: ACTIVITY,
  });
  if (!answer.ok) throw new Error(`the bot answered ${answer.status}`);

  const sender = new TeamsSender(
    createAdapter(config),
    '',
    new Pacer(),
    log,
    (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
  );
  const report = await runReminders(
    { storage, sender, claimant: 'telemetry-test', log },
    { planId: DEMO_PLAN_ID, now: new Date(), force: true },
    { leaseMs: 5000 },
  );
  recordJobRun('remind', report.recipients);

  trace.getTracer('test').startActiveSpan('failing operation', (span) => {
    recordException(new Error('could not reach meganb@example.com about zqxmarker'));
    span.end();
  });

  await reader.forceFlush();
  const finished = spans.getFinishedSpans().map((s) => ({
    name: s.name,
    kind: s.kind,
    status: s.status.code,
    attributes: s.attributes,
    events: s.events.map((e) => ({ name: e.name, attributes: e.attributes })),
  }));
  const metrics = metricExporter
    .getMetrics()
    .flatMap((m) => m.scopeMetrics)
    .flatMap((s) => s.metrics)
    .map((m) => ({
      name: m.descriptor.name,
      points: m.dataPoints.map((p) => ({ attributes: p.attributes, value: p.value })),
    }));
  await server.close();
  await telemetry.stop();
  sink.server.close();
  const outcomes = report.recipients.map((r) => r.outcome);
  return { enabled: telemetry.enabled, spans: finished, metrics, envelopes: sink.bodies, outcomes };
}

(process.env.MODE === 'off' ? off() : on())
  .then((result) => {
    // On a line of its own: the Azure SDK's logger can write to stdout too.
    process.stdout.write('\nRESULT ' + JSON.stringify(result) + '\n');
    process.exit(0);
  })
  .catch((error) => {
    process.stderr.write(String(error && error.stack));
    process.exit(1);
  });
