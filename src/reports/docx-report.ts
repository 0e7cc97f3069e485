import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Block, RAG_COLOURS, ReportDocument } from './document';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function cell(text: string, options: { header?: boolean; rag?: boolean } = {}): TableCell {
  const colour = options.rag ? RAG_COLOURS[text] : undefined;
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.header, color: colour?.text })] })],
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}),
    ...(colour ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: colour.fill } } : {}),
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      // A header row repeats at the top of each page the table runs onto.
      new TableRow({ tableHeader: true, children: block.headers.map((h) => cell(h, { header: true })) }),
      ...block.rows.map(
        (row) =>
          new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, { rag: i === block.ragColumn })) }),
      ),
    ],
  });
}

function draw(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HEADINGS[block.level] })];
    case 'paragraph':
      return [new Paragraph({ text: block.text, spacing: { after: 120 } })];
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
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 },
          },
        },
        children: [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }), ...doc.blocks.flatMap(draw)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
