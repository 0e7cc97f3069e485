import { addDays, todayIn } from '../src/domain/calendar';
import { diffActions, historyEntry } from '../src/domain/history';
import { renderReport } from '../src/reports/render';
import { MAX_ACTIONS_PER_WRITE } from '../src/store/action-store';
import { connectionStringFactory, Storage, storesOver } from '../src/store/open-storage';
import { startEmbeddedAzurite, freePort } from '../src/store/embedded-azurite';
import { Tables } from '../src/store/tables';
import { makeCommitteeReport } from '../src/use-cases/committee-report';
import { round } from './stats';
import { writeSyntheticPlan } from './synthetic-plan';

export interface ReportTiming {
  actions: number;
  /** Reading the plan and its history, building the report and writing the Word file: the median of the runs. */
  seconds: number;
  /** The same with the web page instead of Word. */
  html_seconds: number;
  docx_bytes: number;
  runs: number;
}

/** Moves every fifth action's date (with a reason) and marks every seventh complete, a week ago, so the report has news. */
async function addNews(storage: Storage, planId: string, today: string): Promise<void> {
  const at = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const current = await storage.actions.snapshot(planId);
  const changed = current.flatMap((v, i) => {
    if (i % 5 !== 0 && i % 7 !== 0) return [];
    const after = {
      ...v.value,
      ...(i % 5 === 0
        ? { revisedDueDate: addDays(today, 30 + (i % 60)), revisionReason: 'supplier problems', revisionCount: 1 }
        : { status: 'Complete' as const }),
    };
    const history = historyEntry(after, diffActions(v.value, after), { by: 'bench', via: 'chat', at });
    return [{ action: after, current: v, history }];
  });
  for (let i = 0; i < changed.length; i += MAX_ACTIONS_PER_WRITE)
    await storage.actions.write(planId, changed.slice(i, i + MAX_ACTIONS_PER_WRITE));
}

/** `report_1000_seconds`: a 1,000-action plan's committee report, from storage to the finished file. */
export async function measureReport(connectionString: string, size = 1000, runs = 5): Promise<ReportTiming> {
  const storage = storesOver(new Tables(connectionStringFactory(connectionString), 'benchreport'));
  const planId = `report-${size}`;
  const now = new Date();
  const today = todayIn(now, 'Europe/London');
  await writeSyntheticPlan(storage, planId, size, today);
  await addNews(storage, planId, today);
  const admin = { email: 'bench@example.com', name: null, roles: new Set(['admin'] as const) };
  const once = async (format: 'docx' | 'html') => {
    const started = performance.now();
    const outcome = await makeCommitteeReport(storage, admin, { planId, now, record: false });
    if (outcome.kind !== 'done') throw new Error(`the report was refused: ${outcome.code}`);
    const bytes = await renderReport(outcome.report, format);
    return { seconds: (performance.now() - started) / 1000, bytes: bytes.length };
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  await once('docx'); // warm-up: module loading and the first table reads
  const docx: number[] = [];
  const html: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const d = await once('docx');
    docx.push(d.seconds);
    bytes = d.bytes;
    html.push((await once('html')).seconds);
  }
  return {
    actions: size,
    seconds: round(median(docx), 2),
    html_seconds: round(median(html), 2),
    docx_bytes: bytes,
    runs,
  };
}

if (require.main === module) {
  void (async () => {
    const azurite = await startEmbeddedAzurite({ port: await freePort() });
    try {
      const timing = await measureReport(azurite.connectionString);
      process.stdout.write(JSON.stringify({ report_1000_seconds: timing.seconds, ...timing }) + '\n');
    } finally {
      await azurite.stop();
    }
  })();
}
