/**
 * A report as plain blocks: what the Word and HTML renderers draw, with every word already made.
 * Colour is a renderer's extra; each RAG cell also says its rating in words.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][]; ragColumn?: number };

export interface ReportDocument {
  title: string;
  blocks: Block[];
}

export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const bullets = (items: string[]): Block => ({ kind: 'bullets', items });
export const table = (headers: string[], rows: string[][], ragColumn?: number): Block => ({
  kind: 'table',
  headers,
  rows,
  ...(ragColumn === undefined ? {} : { ragColumn }),
});

/** A table, or the sentence that says there is nothing to put in it: never an empty heading. */
export const tableOr = (empty: string, headers: string[], rows: string[][], ragColumn?: number): Block =>
  rows.length ? table(headers, rows, ragColumn) : paragraph(empty);

/** The RAG words the renderers may colour; the word is always printed. */
export const RAG_COLOURS: Record<string, { fill: string; text: string }> = {
  Red: { fill: 'F4C7C3', text: '7A1F16' },
  Amber: { fill: 'FCE8B2', text: '6B4A00' },
  Green: { fill: 'B7E1CD', text: '0B5130' },
  Complete: { fill: 'C9DAF8', text: '1C3F7A' },
  Cancelled: { fill: 'E0E0E0', text: '444444' },
};
