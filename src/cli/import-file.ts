import fs from 'node:fs';
import path from 'node:path';
import { ImportFile } from '../services/import-plan';
import { CliContext, UserError } from './context';

/** A file named on the command line, or an error that names it and says what is wrong. */
export function readImportFile(file: string): ImportFile {
  try {
    return { name: path.basename(file), bytes: fs.readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A path that names no file is a mistake in the command (exit 2, as the README says); one that cannot be read is refused.
    if (code === 'ENOENT') throw new UserError(`There is no file at ${file}.`, 2);
    if (code === 'EISDIR') throw new UserError(`${file} is a folder; name the file in it to import.`, 2);
    throw new UserError(`The file ${file} could not be read (${code}).`);
  }
}

/** An import's warnings, on stderr; then, if the file had problems, every one of them as the command's error. */
export function reportImportProblems<
  R extends { ok: boolean; warnings: readonly string[]; errors?: readonly string[]; requestProblem?: true },
>(ctx: CliContext, report: R): asserts report is R & { ok: true } {
  for (const warning of report.warnings) ctx.err.write(`Warning: ${warning}\n`);
  const errors = report.errors ?? [];
  // A bad --plan, --baseline or the like is a mistake in the command: the file was not even read.
  if (!report.ok && report.requestProblem) throw new UserError(`Nothing was imported: ${errors.join(' ')}`, 2);
  if (!report.ok) {
    throw new UserError(
      `Nothing was imported: the file has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}.\n` +
        errors.map((e) => `  ${e}`).join('\n'),
    );
  }
}
