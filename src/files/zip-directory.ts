import zlib from 'node:zlib';

/** One file inside a zip archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Sizes of 0xFFFFFFFF mean "see the ZIP64 extra field": only files of 4 GB or more need that. */
const ZIP64_MARKER = 0xffffffff;

/**
 * The entries a zip archive's central directory lists, read without
 * decompressing anything, or null when the bytes are not a well-formed zip.
 * An xlsx workbook is a zip, and its declared sizes tell how big it would be
 * before any of it is loaded.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  let end = -1;
  for (let i = buffer.length - 22; i >= earliest; i--) {
    if (buffer.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    entries.push({
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export const isZip64 = (entry: ZipEntry) =>
  entry.uncompressedSize === ZIP64_MARKER || entry.compressedSize === ZIP64_MARKER;

/**
 * An entry's first `limit` compressed bytes, inflated, without inflating
 * the rest: enough to read a worksheet's declared dimension.
 */
export function entryPrefix(bytes: Uint8Array, entry: ZipEntry, limit: number): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) return null;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const compressed = buffer.subarray(start, Math.min(buffer.length, start + entry.compressedSize, start + limit));
  if (entry.method === 0) return compressed.toString('utf8');
  if (entry.method !== 8) return null;
  try {
    // Deflate expands at most about 1,000 to 1, so a few kilobytes in stay a few megabytes out.
    return zlib.inflateRawSync(compressed, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8');
  } catch {
    return null;
  }
}
