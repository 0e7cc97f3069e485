import { diffActions, historyEntry } from '../domain/history';
import { dueDateProblem } from '../domain/import-dates';
import { mergeImportedRow } from '../domain/import-merge';
import { baselineMovesDates, inRowOrder, PlanChange, planChanges } from '../domain/import-plan-checks';
import { asRowErrors, listSome, validateRows } from '../domain/import-rows';
import { KnownPerson } from '../domain/owner';
import { unexplainedAcronyms, validateGlossary } from '../domain/plain-english';
import { newPlan, validatePlanId } from '../domain/plan';
import { legacyRefKey, refKey } from '../domain/ref';
import { formatUkDate, isValidIsoDate, isValidTimeZone } from '../domain/calendar';
import { checkSchedule } from '../domain/schedule';
import { Action, IsoDate, Plan } from '../domain/types';
import { readCsv, RowsResult } from '../files/read-csv';
import { readXlsx } from '../files/read-xlsx';
import { MAX_ACTIONS_PER_WRITE, Versioned } from '../store/action-store';
import { Storage } from '../store/open-storage';
import { ImportInfo, ImportWrite } from '../store/plan-imports';
import { UK_TIME_ZONE } from '../domain/time-zone';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportRequest {
  planId: string;
  file: ImportFile;
  glossary?: ImportFile;
  /** Needed for a new plan; for an existing one, changes it (and so the due dates timescales give). */
  baseline?: IsoDate;
  title?: string;
  sourceDocument?: string;
  timeZone?: string;
  /** Cron expressions for this plan's weekly jobs, when not the deployment's defaults. */
  remindSchedule?: string;
  digestSchedule?: string;
  by: string;
  now: Date;
  today: IsoDate;
  dryRun?: boolean;
  onProgress?: (progress: {
    phase: 'reading' | 'checking' | 'writing' | 'publishing';
    done: number;
    total: number;
  }) => void;
}

export interface ImportReport {
  ok: boolean;
  errors: string[];
  warnings: string[];
  created: string[];
  updated: string[];
  unchanged: number;
  /** Actions in the register that the file does not mention; they are left as they are. */
  notInFile: string[];
  encoding?: string;
  /** Set when what is wrong is the request (the plan id, baseline, time zone or schedule), not the file. */
  requestProblem?: true;
  /** What the import changed (or, in a dry run, would change) about an existing plan itself: its title, baseline or zone. */
  planChanges?: PlanChange[];
}

const describe = (info: ImportInfo) =>
  `An earlier import of ${info.file} into plan ${info.planId} (by ${info.by}, started ${formatUkDate(info.startedAt.slice(0, 10))} at ${info.startedAt.slice(11, 16)} UTC)`;
const keptNote = (refs: string[]) =>
  refs.length
    ? ` ${listSome(refs)} ${refs.length === 1 ? 'was' : 'were'} changed in Teams during the import, so ${refs.length === 1 ? 'it was' : 'they were'} left as changed there; import again to apply the file to ${refs.length === 1 ? 'it' : 'them'}.`
    : '';

export function readRows(file: ImportFile): Promise<RowsResult> | RowsResult {
  const extension = file.name.toLowerCase().split('.').pop();
  if (extension === 'xlsx') return readXlsx(file.bytes);
  if (extension === 'csv' || extension === 'txt' || extension === 'tsv') return readCsv(file.bytes);
  return {
    ok: false,
    error: `"${file.name}" is neither a .csv nor an .xlsx file. Save the plan from your spreadsheet as CSV or Excel Workbook.`,
  };
}

const failure = (errors: string[], warnings: string[] = []): ImportReport => ({
  ok: false,
  errors,
  warnings,
  created: [],
  updated: [],
  unchanged: 0,
  notInFile: [],
});
const requestFailure = (errors: string[]): ImportReport => ({ ...failure(errors), requestProblem: true });

/**
 * A row for a new action whose storage key an earlier version gave to a ref with letters beyond
 * ASCII ("Ä-1" was kept under "1", so a new "1" cannot be stored): refused with the reason, so the
 * import fails before anything is written rather than part-way through.
 */
function blockedByOldRows(
  rows: readonly { row: number; ref: string }[],
  stored: readonly Versioned<Action>[],
  existing: ReadonlyMap<string, unknown>,
): string[] {
  const keptUnder = new Map(
    stored.filter((v) => v.legacyRowKey).map((v) => [legacyRefKey(v.value.ref.normalize('NFKC')), v.value.ref]),
  );
  return rows.flatMap(({ row, ref }) => {
    const older = existing.has(refKey(ref)) ? undefined : keptUnder.get(refKey(ref));
    return older === undefined
      ? []
      : [
          `Row ${row}: the reference ${ref} cannot be added, because ${older} was stored under the same key by an earlier version of Action Tracker. Give this row another reference.`,
        ];
  });
}

/** Everyone known by name, so that a plan may name an owner without an email: the people the bot has met, then the plan's owners. */
async function knownPeople(storage: Storage, stored: readonly Versioned<Action>[]): Promise<KnownPerson[]> {
  const directory = [...(await storage.people.nameDirectory())].map(([email, name]) => ({ email, name }));
  const owners = stored.flatMap(({ value: { owner } }) =>
    owner?.displayName ? [{ email: owner.email, name: owner.displayName }] : [],
  );
  return [...directory, ...owners];
}

/**
 * Imports a plan file: every row is checked before anything is written, and
 * an invalid file writes nothing at all. Each action's change and its history
 * entry are written together, with the ETag they were read with.
 */
export async function importPlan(storage: Storage, request: ImportRequest): Promise<ImportReport> {
  const progress = request.onProgress ?? (() => undefined);
  const planProblem = validatePlanId(request.planId);
  if (planProblem) return requestFailure([planProblem]);
  if (request.baseline !== undefined && !isValidIsoDate(request.baseline)) {
    return requestFailure([
      `The baseline date "${request.baseline}" must be a real date written as YYYY-MM-DD, for example 2011-08-19.`,
    ]);
  }

  if (request.timeZone !== undefined && !isValidTimeZone(request.timeZone)) {
    return requestFailure([`"${request.timeZone}" is not a time zone I know. Use a name like ${UK_TIME_ZONE}.`]);
  }
  const zone = request.timeZone ?? UK_TIME_ZONE;
  const scheduleProblems = [request.remindSchedule, request.digestSchedule]
    .filter((s): s is string => s !== undefined)
    .map((s) => checkSchedule(s, zone))
    .flatMap((c) => (c.ok ? [] : [c.error]));
  if (scheduleProblems.length) return requestFailure(scheduleProblems);

  progress({ phase: 'reading', done: 0, total: 1 });
  const interrupted: string[] = [];
  if (!request.dryRun) {
    // An earlier import that was published and then interrupted is finished first; this one builds on it.
    const finished = await storage.imports.finish(request.planId);
    if (finished)
      interrupted.push(
        `${describe(finished.info)} was interrupted after it was published; it has now been finished.${keptNote(finished.keptFromTeams)}`,
      );
  }
  const existingPlan = await storage.plans.get(request.planId);
  const baseline = request.baseline ?? existingPlan?.baselineDate;
  if (!baseline) {
    return requestFailure([
      `Plan ${request.planId} is new, so it needs a baseline date (the date timescales count from), for example --baseline 2011-08-19.`,
    ]);
  }
  const plan: Plan = newPlan({
    ...existingPlan,
    id: request.planId,
    baselineDate: baseline,
    ...(request.title !== undefined && { title: request.title }),
    ...(request.sourceDocument !== undefined && { sourceDocument: request.sourceDocument }),
    ...(request.timeZone !== undefined && { timeZone: request.timeZone }),
    ...(request.remindSchedule !== undefined && { remindSchedule: request.remindSchedule }),
    ...(request.digestSchedule !== undefined && { digestSchedule: request.digestSchedule }),
  });

  const table = await readRows(request.file);
  if (!table.ok) return failure([table.error]);
  progress({ phase: 'checking', done: 0, total: table.rows.length });
  const stored = await storage.actions.list(request.planId);
  const existing = new Map(stored.map((v) => [refKey(v.value.ref), v]));
  const register = (ref: string) => existing.get(refKey(ref))?.value;
  const people = await knownPeople(storage, stored);
  const validation = validateRows(table.rows, baseline, request.today, people, (ref) => register(ref)?.measures);
  const baselineProblem = baselineMovesDates(existingPlan, baseline, validation.rows, register);
  if (baselineProblem) return requestFailure([baselineProblem]);
  const warnings = [...interrupted, ...validation.warnings];
  if (table.encoding === 'Windows-1252')
    warnings.push(
      'The file was read as Windows-1252 text (older Excel "CSV"); check that accented letters and £ signs look right.',
    );

  let glossaryEntries = (await storage.glossary.list(request.planId)).map((e) => ({
    term: e.term,
    meaning: e.meaning,
  }));
  const errors = [...validation.errors];
  if (request.glossary) {
    const glossaryTable = await readRows(request.glossary);
    if (!glossaryTable.ok) errors.push(`Glossary: ${glossaryTable.error}`);
    else {
      const glossary = validateGlossary(glossaryTable.rows);
      errors.push(...glossary.errors);
      glossaryEntries = [...glossaryEntries, ...glossary.entries];
    }
  }

  for (const { acronym, refs } of unexplainedAcronyms(
    validation.rows.flatMap((r) => [
      { ref: r.ref, text: r.title },
      { ref: r.ref, text: r.measure ?? '' },
    ]),
    glossaryEntries.map((e) => e.term),
  )) {
    warnings.push(
      `"${acronym}" (in ${listSome(refs, 5)}) is not explained in the plan's glossary. Spell it out or add it to a glossary file.`,
    );
  }

  // Every problem is listed at once: a bad cell, an old key, a moved due date (below) alike.
  errors.push(...blockedByOldRows(validation.rows, stored, existing));
  const at = request.now.toISOString();
  const writes: ImportWrite[] = [];
  const report: ImportReport = {
    ok: true,
    errors: [],
    warnings,
    created: [],
    updated: [],
    unchanged: 0,
    notInFile: [],
    encoding: table.encoding,
    planChanges: planChanges(existingPlan, plan),
  };
  const dateProblems: string[] = [];
  for (const [index, row] of validation.rows.entries()) {
    const current = existing.get(refKey(row.ref));
    existing.delete(refKey(row.ref));
    // Its place in the file, which the tab, the export and the report list the plan by (see plan-order.ts).
    const merged = mergeImportedRow(current?.value ?? null, row, request.planId, { by: request.by, at });
    const after = { ...merged, position: index + 1 };
    const dateProblem = dueDateProblem(current?.value ?? null, row, after);
    if (dateProblem) dateProblems.push(...asRowErrors(row.row, [dateProblem]));
    const changes = diffActions(current?.value ?? null, after);
    if (changes.length === 0) {
      report.unchanged++;
      // Moved in the file and nothing else: its new place is kept, with nothing for its history to say.
      if (current && current.value.position !== after.position) writes.push({ action: after, current, history: null });
      continue;
    }
    (current ? report.updated : report.created).push(after.ref);
    writes.push({
      action: after,
      current,
      history: historyEntry(after, changes, {
        by: request.by,
        via: 'import',
        at,
        comment: `Imported from ${request.file.name}`,
      }),
    });
  }
  if (errors.length || dateProblems.length) return failure(inRowOrder([...errors, ...dateProblems]), warnings);
  report.notInFile = [...existing.values()].map((v) => v.value.ref);
  if (request.dryRun) return report;

  // Staged first, published in one write, then copied over: readers see the plan as it was until the whole import is there.
  const { staging, discarded } = await storage.imports.begin(request.planId, request.file.name, request.by, at);
  if (discarded)
    report.warnings.unshift(
      `${describe(discarded)} was interrupted before it was complete; none of it was ever shown, and this import replaces it.`,
    );
  for (let i = 0; i < writes.length; i += MAX_ACTIONS_PER_WRITE) {
    progress({ phase: 'writing', done: i, total: writes.length });
    await storage.imports.stage(staging, writes.slice(i, i + MAX_ACTIONS_PER_WRITE));
  }
  progress({ phase: 'writing', done: writes.length, total: writes.length });
  // A file that changed no action is not where the plan comes from: the report keeps naming the one that did.
  const changedNone = writes.every((w) => w.history === null);
  const source = changedNone && existingPlan ? { ...plan, sourceDocument: existingPlan.sourceDocument } : plan;
  await storage.imports.publish(staging, source, request.glossary ? glossaryEntries : null, at);
  const finished = await storage.imports.finish(request.planId, (done, total) =>
    progress({ phase: 'publishing', done, total }),
  );
  const kept = new Set(finished?.keptFromTeams ?? []);
  if (kept.size) {
    report.updated = report.updated.filter((ref) => !kept.has(ref));
    report.warnings.push(`${keptNote(finished!.keptFromTeams).trim()}`);
  }
  return report;
}
