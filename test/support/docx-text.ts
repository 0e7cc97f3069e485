import JSZip from 'jszip';

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    // The report keeps dates on one line with non-breaking spaces; people read them as spaces.
    .replace(/\u00a0/g, ' ');

const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join('');

export interface DocxContent {
  xml: string;
  /** Paragraphs outside tables, in order, with their style (Heading1…, Title, or ''). */
  paragraphs: { style: string; text: string }[];
  /** Every table, as rows of cell texts. */
  tables: string[][][];
}

/** Opens a Word file the way a test can check it: word/document.xml read for its paragraphs and tables. */
export async function readDocx(bytes: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml is missing');
  const xml = await file.async('string');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1])),
    ),
  );
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...outside.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((p) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p[1])?.[1] ?? '',
    text: textOf(p[1]),
  }));
  return { xml, paragraphs, tables };
}
