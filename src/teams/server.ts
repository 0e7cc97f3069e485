import { recordException } from '../telemetry/record';
import { claimantId } from '../jobs/claimant';
import { Scheduler } from '../jobs/scheduler';
import { CloudAdapter } from 'botbuilder';
import { createAdapter } from './sender-factory';
import restify from 'restify';
import { Config } from '../config';
import { Logger } from '../log';
import { ChatService } from '../services/chat/chat-service';
import { isLoopbackHost } from '../store/connection-string';
import { Storage } from '../store/open-storage';
import { checkStorageReady } from '../store/readiness';
import { ActionTrackerBot } from './bot';
import { CardActions } from '../services/card-actions';
import { OutboxDeliverer } from '../notifications/outbox-deliverer';
import { Pacer } from '../jobs/pacer';
import { pacedReplies } from './paced-replies';
import { TeamsSender } from './proactive-sender';
import { mountTab } from '../web/mount-tab';
import { REPORT_LINK_MINUTES, ReportLinks } from '../web/report-link';
import { mountReportRoute } from '../web/report-route';

export interface RunningServer {
  url: string;
  port: number;
  /** The address the server actually bound. */
  host: string;
  adapter: CloudAdapter;
  sender: TeamsSender;
  close(): Promise<void>;
}

/** Teams sends small activities; anything near this size is not one. */
const MAX_BODY_BYTES = 256 * 1024;

export async function startServer(
  config: Config,
  storage: Storage,
  log: Logger,
  host = config.server.host,
): Promise<RunningServer> {
  const claimant = claimantId();
  const adapter = createAdapter(config);
  adapter.onTurnError = async (context, error) => {
    log.error(
      { err: error, activityId: context.activity.id, type: context.activity.type },
      'unhandled error in a turn',
    );
    recordException(error);
    if (context.activity.type === 'message') {
      await context
        .sendActivity('Sorry, something went wrong on my side and nothing was changed.')
        .catch(() => undefined);
    }
  };
  const pacer = new Pacer(undefined, undefined, config.sendingInstances);
  adapter.use(pacedReplies(pacer));
  const sender = new TeamsSender(adapter, config.bot.appId ?? '', pacer, log);
  // Changes write what they tell others to the outbox; this delivers it right after, and every minute.
  const notifier = new OutboxDeliverer({ storage, sender, claimant, log }, config.jobs.leaseMs);
  // Report links name the public host in Azure, else this server as it listens (local runs).
  let ownUrl = '';
  const reportLinks = new ReportLinks(config.reportLinkSecret, () =>
    config.bot.domain ? `https://${config.bot.domain}` : ownUrl,
  );
  const bot = new ActionTrackerBot({
    storage,
    chat: new ChatService(storage, config.defaultTimeZone, notifier, {
      links: reportLinks,
      minutes: REPORT_LINK_MINUTES,
    }),
    cardActions: new CardActions(storage, notifier),
    allowedTenants: config.bot.allowedTenants,
    log,
  });

  const server = restify.createServer({ name: 'action-tracker' });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.post(config.server.messagesPath, async (req, res) => {
    // botbuilder checks these outside its own error handling and would answer 500.
    const body: unknown = req.body;
    const activity =
      body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
    if (
      !activity ||
      !Object.hasOwn(activity, 'type') ||
      typeof activity.type !== 'string' ||
      (activity.serviceUrl !== undefined && typeof activity.serviceUrl !== 'string')
    ) {
      res.send(400, {
        code: 'BadRequest',
        message: 'Not a Bot Framework activity: it needs a "type" (and a "serviceUrl", if any, must be text).',
      });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get(config.server.healthPath, (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.get(config.server.readyPath, async (_req, res) => {
    const readiness = await checkStorageReady(storage.tables);
    res.send(
      readiness.ready ? 200 : 503,
      readiness.ready ? { status: 'ready' } : { status: 'unavailable', reason: readiness.reason },
    );
  });
  mountTab(server, config, storage, log, reportLinks);
  mountReportRoute(server, { storage, links: reportLinks, log });
  server.on(
    'restifyError',
    (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
      log.warn({ path: req.path(), status: err.statusCode, code: err.name }, 'refused a request');
      callback();
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.server.port, host, () => resolve());
  });
  const { port, address } = server.address();
  ownUrl = `http://${urlHost(address)}:${port}`;
  log.info({ port, host: address, auth: config.bot.authEnabled }, 'bot listening');
  if (!config.bot.authEnabled && !isLoopbackHost(address))
    log.warn({ host: address }, 'authentication is off and the bot listens beyond this machine (HOST)');
  const scheduler = config.jobs.inProcess
    ? new Scheduler({ storage, sender, claimant, log }, config.jobs, log, undefined, notifier)
    : null;
  scheduler?.start();
  return {
    url: `http://${urlHost(address)}:${port}${config.server.messagesPath}`,
    port,
    host: address,
    adapter,
    sender,
    close: async () => {
      await scheduler?.stop();
      await notifier.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
    },
  };
}

/** A host for this process's own URL: a wildcard address is reached through loopback. */
function urlHost(address: string): string {
  if (address === '0.0.0.0' || address === '::') return '127.0.0.1';
  return address.includes(':') ? `[${address}]` : address;
}
