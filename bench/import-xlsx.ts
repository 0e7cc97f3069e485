import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { round } from './stats';

export interface ImportXlsx {
  rows: number;
  seconds: number;
  rss_mb: number;
  bytes: number;
}

const CHILD = path.join(__dirname, 'import-child.js');

/** A workbook of `rows` actions, every column filled, written as a stream. */
async function writeWorkbook(file: string, rows: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = book.addWorksheet('Plan');
  sheet.addRow(['Ref', 'Theme', 'Action', 'Timescale', 'Owner', 'Agency', 'Status', 'Measure']).commit();
  for (let i = 1; i <= rows; i++) {
    sheet
      .addRow([
        `X-${i}`,
        ['Safeguarding services', 'Looked after children', 'Leadership and management'][i % 3],
        `Workbook action ${i}: make sure that the service does what the inspection asked of it, and show the evidence`,
        `Within ${1 + (i % 12)} months`,
        `Owner ${i % 50} <owner${i % 50}@example.com>`,
        i % 5 === 0 ? 'Health' : 'Council',
        ['Not started', 'On track', 'At risk'][i % 3],
        'Percentage of audited cases rated good',
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
}

/** Imports a 20,000-row workbook in a child process: how long it takes and the most memory it holds. */
export async function measureImportXlsx(connectionString: string, rows: number): Promise<ImportXlsx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-xlsx-'));
  const file = path.join(dir, 'plan.xlsx');
  try {
    await writeWorkbook(file, rows);
    const result = await new Promise<{ seconds: number; rssMb: number; created: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [CHILD, connectionString, 'x' + randomBytes(5).toString('hex'), file], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('exit', (code) =>
        code === 0
          ? resolve(JSON.parse(out) as { seconds: number; rssMb: number; created: number })
          : reject(new Error(`the import failed: ${err}`)),
      );
    });
    if (result.created !== rows) throw new Error(`the import created ${result.created} actions, not ${rows}`);
    return { rows, seconds: round(result.seconds, 1), rss_mb: Math.round(result.rssMb), bytes: fs.statSync(file).size };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
