import { parse } from 'csv-parse/sync';
import { restoreNeutralisedCell } from '../domain/spreadsheet-safety';
import { decodeText } from './decode-text';

export type RowsResult = { ok: true; rows: string[][]; encoding: string } | { ok: false; error: string };

/** Picks the separator that the header line uses most: comma, semicolon (European Excel) or tab. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/** Every record of a CSV file as text cells; row i of the result is spreadsheet row i + 1. */
export function readCsv(bytes: Uint8Array): RowsResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') return { ok: false, error: 'The file is empty.' };
  try {
    const rows: string[][] = parse(decoded.text, {
      delimiter: detectDelimiter(decoded.text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    });
    // A file this product exported has its formula-like cells quoted; take the quote off so it imports unchanged.
    return { ok: true, rows: rows.map((row) => row.map(restoreNeutralisedCell)), encoding: decoded.encoding };
  } catch (error) {
    const where =
      typeof error === 'object' && error && 'lines' in error ? ` near line ${(error as { lines: number }).lines}` : '';
    const detail = error instanceof Error ? error.message.replace(/^[A-Za-z_]+:\s*/, '') : String(error);
    return {
      ok: false,
      error: `The file could not be read as CSV${where}: ${detail}. Check for a quote mark (") that is opened but never closed.`,
    };
  }
}
