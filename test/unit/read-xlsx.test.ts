import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readXlsx } from '../../src/files/read-xlsx';

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('Plan'));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Rewrites the first sheet's XML inside a workbook, as a hand-edited or hostile file would have it. */
async function editSheet(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const name = 'xl/worksheets/sheet1.xml';
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A zip holding one worksheet that unzips to `megabytes` MB of rows, built by
 * streaming through deflate so the test itself never holds it unzipped.
 */
async function zipBomb(megabytes: number): Promise<Uint8Array> {
  const row = '<row><c t="inlineStr"><is><t>padding padding padding padding</t></is></c></row>';
  const head =
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const deflate = zlib.createDeflateRaw();
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let size = 0;
  const block = row.repeat(10_000);
  deflate.write(head);
  size += head.length;
  while (size < megabytes * 1024 * 1024) {
    if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
    size += block.length;
  }
  deflate.end('</sheetData></worksheet>');
  size += 24;
  await done;
  const data = Buffer.concat(chunks);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  // The local file header and the central directory entry share these fields, the central one two bytes
  // further on (it starts with the version that made it).
  const header = (length: number, signature: number, at: number) => {
    const bytes = Buffer.alloc(length);
    bytes.writeUInt32LE(signature, 0);
    bytes.writeUInt16LE(20, at); // version needed to extract
    bytes.writeUInt16LE(8, at + 4); // deflated
    bytes.writeUInt32LE(data.length, at + 14); // deflated size
    bytes.writeUInt32LE(size, at + 18); // inflated
    bytes.writeUInt16LE(name.length, at + 22);
    return bytes;
  };
  const local = header(30, 0x04034b50, 4);
  const central = header(46, 0x02014b50, 6);
  const directoryAt = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

test('a small workbook that unzips to more than 100 MB is refused before any of it is inflated', async () => {
  const bytes = await zipBomb(120);
  expect(bytes.byteLength).toBeLessThan(1024 * 1024);
  const before = process.memoryUsage().rss;
  const result = await readXlsx(bytes);
  expect(result).toEqual({
    ok: false,
    error: expect.stringMatching(/^The workbook unzips to 12\d MB; the most we read is 100 MB\. .*save it as CSV\.$/),
  });
  expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
});

test('a sheet that declares a million rows is refused from its dimension, before its rows are read', async () => {
  const bytes = await editSheet(
    await workbook((s) => {
      s.addRow(['Ref', 'Action']);
      s.addRow(['A-1', 'Do it']);
    }),
    (xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:B1000000"/>'),
  );
  expect(await readXlsx(bytes)).toEqual({
    ok: false,
    error: expect.stringMatching(
      /^The workbook's first sheet has 1,000,000 rows; a plan may have at most 20,000 actions\. Delete the unused rows/,
    ),
  });
});

test('a sheet that hides its length is stopped while it streams, at the first row past the limit', async () => {
  const bytes = await editSheet(
    await workbook((s) => {
      s.addRow(['Ref', 'Action']);
      s.addRow(['A-1', 'Do it']);
      s.getRow(50_000).getCell(1).value = 'far down';
    }),
    (xml) => xml.replace(/<dimension ref="[^"]*"\/>/, ''),
  );
  const result = await readXlsx(bytes);
  expect(result).toEqual({ ok: false, error: expect.stringMatching(/^The workbook's first sheet has 50,000 rows/) });
});

test('rows are read as text, with dates as ISO dates, rich text joined and gaps kept as empty rows', async () => {
  const bytes = await workbook((s) => {
    s.addRow(['Ref', 'Due', 'Title']);
    s.addRow(['A-1', new Date(Date.UTC(2026, 8, 30)), { richText: [{ text: 'Bold ' }, { text: 'plan' }] }]);
    s.getRow(4).values = ['A-2', 'soon', 3];
  });
  expect(await readXlsx(bytes)).toEqual({
    ok: true,
    encoding: 'Excel workbook',
    rows: [['Ref', 'Due', 'Title'], ['A-1', '2026-09-30', 'Bold plan'], [], ['A-2', 'soon', '3']],
  });
});

test('a workbook with nothing in its first sheet is refused as empty', async () => {
  expect(await readXlsx(await workbook(() => undefined))).toEqual({
    ok: false,
    error: "The workbook's first sheet is empty.",
  });
});
