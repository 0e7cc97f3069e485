import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { columnWidths, DATE, roomForWhole } from './column-widths';
import { Block, RAG_COLOURS, ReportDocument } from './document';

// A4 landscape less its margins, in twentieths of a point; an average character of 10 pt Arial is about
// 110 of them.
const PAGE_WIDTH = 16838;
const MARGIN = 1000;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const CHARACTER = 110;
/** Type sizes a table may take, in points, largest first: a wide table (the appendix) steps down to keep dates and names whole. */
const SIZES = [10, 9, 8];

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Characters of `size` pt Arial across the page. */
const charactersAt = (size: number) => Math.floor(TEXT_WIDTH / ((CHARACTER * size) / 10));

/** The largest size at which every short text of the table fits whole, else the smallest. */
function sizeOf(block: Extract<Block, { kind: 'table' }>): number {
  const room = roomForWhole(block.headers, block.rows);
  return SIZES.find((size) => room <= charactersAt(size)) ?? SIZES[SIZES.length - 1];
}

function cell(text: string, width: number, options: { header?: boolean; rag?: boolean; size: number }): TableCell {
  const colour = options.rag ? RAG_COLOURS[text] : undefined;
  // A date's spaces do not break ("16 Feb 2027" stays on one line), as the column widths count it.
  const shown = text.replace(DATE, '$1\u00a0$2\u00a0$3');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        children: [new TextRun({ text: shown, bold: options.header, color: colour?.text, size: options.size * 2 })],
      }),
    ],
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}),
    ...(colour ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: colour.fill } } : {}),
  });
}

/** Each column's width in twentieths of a point, summing to the page's text width. */
function widthsOf(block: Extract<Block, { kind: 'table' }>, size: number): number[] {
  const shares = columnWidths(block.headers, block.rows, charactersAt(size));
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((share) => Math.floor((share / total) * TEXT_WIDTH));
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const size = sizeOf(block);
  const widths = widthsOf(block, size);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // A header row repeats at the top of each page the table runs onto.
      new TableRow({
        tableHeader: true,
        children: block.headers.map((h, i) => cell(h, widths[i], { header: true, size })),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) => cell(text, widths[i], { rag: i === block.ragColumn, size })),
          }),
      ),
    ],
  });
}

/** A heading, and a sentence introducing what follows it, stay on the page of what follows: never alone at its foot. */
function draw(block: Block, previous: Block | undefined): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HEADINGS[block.level], keepNext: true })];
    case 'paragraph':
      return [new Paragraph({ text: block.text, spacing: { after: 120 }, keepNext: previous?.kind === 'heading' })];
    case 'bullets':
      return block.items.map((text) => new Paragraph({ text, bullet: { level: 0 }, spacing: { after: 80 } }));
    case 'table':
      // An empty paragraph after a table keeps two tables from running together.
      return [table(block), new Paragraph({ text: '' })];
  }
}

/** The report as a Word document (A4, landscape, so the wide tables fit); opens in Word and LibreOffice. */
export async function docxReport(doc: ReportDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.title,
    creator: 'Action Tracker',
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: PAGE_WIDTH },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          ...doc.blocks.flatMap((b, i) => draw(b, doc.blocks[i - 1])),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
