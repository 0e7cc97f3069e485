import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config';
import { formatUkDate, formatUkInstant } from '../domain/calendar';
import { historyLines } from '../domain/history-lines';
import { nameOf } from '../services/chat/owner-names';
import { textTable } from '../domain/text-table';
import { storageErrorWords } from '../cards/error-words';
import { StorageUnavailableError } from '../store/errors';
import { CliIo, defaultActor, requirePlan, UserError, withContext as withContextOf } from './context';
import { deliverCommand, DeliverOptions } from './deliver-command';
import { exportCommand, ExportOptions } from './export-command';
import { importCommand, ImportOptions, unfinishedImportLines } from './import-command';
import { jobCommand, JobOptions } from './job-command';
import { listCommand, ListOptions } from './list-command';
import { measuresImportCommand, MeasuresImportOptions } from './measures-command';
import { reachCommand, ReachOptions } from './reach-command';
import { reportCommand, ReportOptions } from './report-command';
import { grantCommand, listRolesCommand, revokeCommand } from './roles-command';
import { settingsCommand, SettingsOptions } from './settings-command';
import { EmulatorPortTakenError } from '../store/emulator-folder';

/** Runs one command line and returns the exit code; the streams and environment are the caller's. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const withContext = withContextOf(io);
  const program = new Command()
    .name('action-tracker')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .description('Keeps an action plan honest: import, list, export and manage the action register.')
    .showHelpAfterError();

  program
    .command('import')
    .description(
      'Import or update a plan from a CSV or Excel (.xlsx) file. Every row is checked first; a bad file changes nothing.',
    )
    .argument('<file>', 'the plan file (.csv or .xlsx)')
    .requiredOption('--plan <id>', 'plan id, for example ofsted-2011')
    .option('--title <title>', "the plan's title")
    .option('--baseline <date>', 'date the timescales count from, as YYYY-MM-DD (needed for a new plan)')
    .option('--source <document>', 'the document the plan comes from')
    .option('--time-zone <zone>', "the plan's time zone", undefined)
    .option('--glossary <file>', "a CSV of term,meaning explaining the plan's acronyms")
    .option('--remind-schedule <cron>', 'when this plan\'s reminders go out, e.g. "0 9 * * 1" (Mondays 09:00)')
    .option('--digest-schedule <cron>', 'when this plan\'s digest goes out, e.g. "30 8 * * 1"')
    .option('--dry-run', 'check the file and say what would change, without writing')
    .option('--by <who>', 'who to record in the history (an email is shown by name)', defaultActor())
    .action((file: string, options: ImportOptions) => withContext((ctx) => importCommand(ctx, file, options)));

  program
    .command('measures')
    .description("A plan's measures: import a performance book of values.")
    .command('import')
    .description(
      'Import measure values from a CSV or Excel (.xlsx) file with the columns ref, period, value and note. Every row is checked first; a bad file changes nothing.',
    )
    .argument('<file>', 'the performance book (.csv or .xlsx)')
    .requiredOption('--plan <id>', 'plan id')
    .option('--dry-run', 'check the file and say what would change, without writing')
    .option('--by <who>', 'who to record in the history (an email is shown by name)', defaultActor())
    .action((file: string, options: MeasuresImportOptions) =>
      withContext((ctx) => measuresImportCommand(ctx, file, options)),
    );

  program
    .command('export')
    .description('Export a plan for committee papers: one row per action with due dates, status, RAG and days overdue.')
    .requiredOption('--plan <id>', 'plan id')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).default('csv'))
    .option('--out <file>', 'write to this file instead of the screen')
    .action((options: ExportOptions) => withContext((ctx) => exportCommand(ctx, options)));

  program
    .command('report')
    .description(
      "Write the committee's highlight report (Word or a print-ready HTML page): summary, highlights, risks, slippage, plan on a page, sign-offs, glossary.",
    )
    .requiredOption('--plan <id>', 'plan id')
    .addOption(new Option('--format <format>', 'file format').choices(['docx', 'html']).default('docx'))
    .requiredOption('--out <file>', 'the file to write, for example report.docx')
    .option('--from <date>', 'first day covered, as YYYY-MM-DD (default: the last report, or the plan baseline)')
    .option('--to <date>', 'last day covered, as YYYY-MM-DD (default: today)')
    .option('--by <who>', 'who to record as having made it', defaultActor())
    .action((options: ReportOptions) => withContext((ctx) => reportCommand(ctx, options)));

  program
    .command('list')
    .description("Show a plan's actions as a table.")
    .requiredOption('--plan <id>', 'plan id')
    .option('--overdue', 'only overdue actions')
    .option('--due-soon', 'only actions due in the next 14 days')
    .option('--owner <email>', "only this owner's actions")
    .action((options: ListOptions) => withContext((ctx) => listCommand(ctx, options)));

  for (const job of ['remind', 'digest'] as const) {
    program
      .command(job)
      .description(
        job === 'remind'
          ? 'Send each owner one card of their overdue and due-soon actions in all their plans (once a week; a second run that week sends nothing).'
          : 'Post the weekly digest to every channel or chat bound to the plan.',
      )
      [job === 'remind' ? 'option' : 'requiredOption'](
        '--plan <id>',
        job === 'remind'
          ? 'only owners with something due in this plan (their card still shows all their plans); default: every plan'
          : 'plan id',
      )
      .option('--now', 'send now')
      .option('--dry-run', 'say who would get what, and send nothing')
      .option('--json', 'print the result (and with --dry-run, the cards) as JSON')
      .option('--force', "send again even if this week's run already went out")
      .action((options: JobOptions) => withContext((ctx) => jobCommand(ctx, job, options)));
  }

  program
    .command('deliver')
    .description(
      'Deliver the notifications waiting in the outbox (new dates asked for, decisions, reminder cards to redraw); the bot does this by itself every minute.',
    )
    .option('--plan <id>', "only this plan's notifications")
    .option('--json', 'print the result as JSON')
    .action((options: DeliverOptions) => withContext((ctx) => deliverCommand(ctx, options)));

  program
    .command('reach')
    .description(
      'List every owner, chair and executive of a plan with how the bot can reach them, and what to do about anyone it cannot.',
    )
    .requiredOption('--plan <id>', 'plan id')
    .option('--json', 'print the list as JSON')
    .action((options: ReachOptions) => withContext((ctx) => reachCommand(ctx, options)));

  program
    .command('plans')
    .description('List the plans in the register.')
    .action(() =>
      withContext(async (ctx) => {
        const [plans, unfinished] = await Promise.all([ctx.storage.plans.list(), ctx.storage.imports.unfinished()]);
        if (!plans.length) ctx.out.write('No plans yet. Import one with "action-tracker import".\n');
        else
          ctx.out.write(
            textTable(
              ['Plan', 'Title', 'Baseline', 'Time zone'],
              plans.map((p) => [p.id, p.title, formatUkDate(p.baselineDate), p.timeZone]),
            ) + '\n',
          );
        for (const line of unfinishedImportLines(unfinished)) ctx.out.write(line + '\n');
      }),
    );

  program
    .command('history')
    .description('Show every change to one action, newest first.')
    .argument('<ref>', "the action's reference, for example SG-4")
    .requiredOption('--plan <id>', 'plan id')
    .action((ref: string, options: { plan: string }) =>
      withContext(async (ctx) => {
        const { plan } = await requirePlan(ctx, options.plan);
        const entries = await ctx.storage.actions.history(plan.id, ref);
        if (!entries.length) throw new UserError(`There is no action ${ref} in plan ${plan.id}.`);
        const current = await ctx.storage.actions.get(plan.id, entries[0].ref);
        const names = await nameOf(ctx.storage, current ? [current.value] : []);
        const rows = entries.flatMap((h) => {
          const read = historyLines(h, names);
          const when = formatUkInstant(h.at, plan.timeZone).replace(',', '');
          return [...read.lines, ...(read.comment ? [`Note: ${read.comment}`] : [])].map((line) => [
            when,
            read.who ?? '',
            read.how,
            line,
          ]);
        });
        ctx.out.write(textTable(['When', 'Who', 'How', 'What changed'], rows, [17, 24, 12, 80]) + '\n');
      }),
    );

  program
    .command('settings')
    .description(
      "Show a plan's settings, or change one. Separation of duties (on by default) keeps owners from signing off or deciding dates on their own actions.",
    )
    .requiredOption('--plan <id>', 'plan id')
    .option('--separation-of-duties <on|off>', 'off only for a team too small to have anyone else decide')
    .option(
      '--limbo-weeks <n>',
      'weeks an action may be complete but not signed off before the digest escalates it (default 4)',
    )
    .option('--by <email>', 'who decided a change to separation of duties (required for it)')
    .action((options: SettingsOptions) => withContext((ctx) => settingsCommand(ctx, options)));

  const roles = program
    .command('roles')
    .description('Give people roles: admin, chair, executive (owners come from the plan).');
  roles
    .command('grant')
    .argument('<email>')
    .argument('<role>', 'admin, chair, executive or owner')
    .option('--plan <id>', 'only for this plan (default: every plan)')
    .option('--name <name>', "the person's name")
    .action((email: string, role: string, options: { plan?: string; name?: string }) =>
      withContext((ctx) => grantCommand(ctx, email, role, options)),
    );
  roles
    .command('revoke')
    .argument('<email>')
    .argument('<role>')
    .option('--plan <id>', 'only for this plan (default: every plan)')
    .action((email: string, role: string, options: { plan?: string }) =>
      withContext((ctx) => revokeCommand(ctx, email, role, options)),
    );
  roles
    .command('list')
    .option('--plan <id>', 'only the roles that apply to this plan (default: every role in every plan)')
    .action((options: { plan?: string }) => withContext((ctx) => listRolesCommand(ctx, options)));

  try {
    await program.parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const { message, code } = explain(error);
    io.err.write(message + '\n');
    return code;
  }
}

function explain(error: unknown): { message: string; code: number } {
  if (error instanceof UserError) return { message: error.message, code: error.exitCode };
  if (error instanceof ConfigError) return { message: error.message, code: 2 };
  if (error instanceof EmulatorPortTakenError) return { message: error.message, code: 1 };
  const words = storageErrorWords(error);
  if (words !== null) return { message: words, code: error instanceof StorageUnavailableError ? 3 : 1 };
  return { message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}`, code: 1 };
}
