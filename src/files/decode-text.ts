export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; error: string };

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Names what a file that is not text most likely is, so the message can say what to do. */
export function sniffBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'a zipped file, such as an Excel workbook (.xlsx)';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return 'an old-style Excel or Word file (.xls or .doc)';
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || startsWith(bytes, 0xff, 0xd8, 0xff)) return 'a picture';
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0) && !startsWith(bytes, 0xff, 0xfe) && !startsWith(bytes, 0xfe, 0xff)) return 'a binary file';
  return null;
}

export function checkSize(bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return 'The file is empty.';
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return `The file is ${mb(bytes.byteLength)} MB; the most we accept is ${mb(MAX_IMPORT_BYTES)} MB. Split the plan into smaller files.`;
  }
  return null;
}

/**
 * Spreadsheet programs save CSV as UTF-8 (with or without a byte order
 * mark), UTF-16, or Windows-1252 ("CSV" in older Excel). Anything that is not
 * valid UTF-8 is read as Windows-1252, which every byte sequence is.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const sizeProblem = checkSize(bytes);
  if (sizeProblem) return { ok: false, error: sizeProblem };
  const binary = sniffBinary(bytes);
  if (binary) {
    return {
      ok: false,
      error: `This file is not a CSV text file: it looks like ${binary}. Save it as "CSV UTF-8" from your spreadsheet, or import the .xlsx file itself.`,
    };
  }
  if (startsWith(bytes, 0xef, 0xbb, 0xbf))
    return {
      ok: true,
      text: new TextDecoder('utf-8').decode(bytes.subarray(3)),
      encoding: 'UTF-8 with byte order mark',
    };
  if (startsWith(bytes, 0xff, 0xfe))
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (startsWith(bytes, 0xfe, 0xff))
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}
