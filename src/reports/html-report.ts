import { Block, RAG_COLOURS, ReportDocument } from './document';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: nothing a person typed is ever markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const STYLE = `
@page { size: A4 landscape; margin: 15mm; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 270mm; }
h1.title { font-size: 20pt; }
h1 { font-size: 15pt; margin-top: 18pt; break-after: avoid; }
h2 { font-size: 12pt; margin-top: 12pt; break-after: avoid; }
h3 { font-size: 11pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; }
th, td { border: 1px solid #777; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #d9d9d9; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
@media print { h1 { break-before: auto; } }
${Object.entries(RAG_COLOURS)
  .map(([word, c]) => `td.rag-${word.toLowerCase()} { background: #${c.fill}; color: #${c.text}; }`)
  .join('\n')}
`;

function draw(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'bullets':
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = `<thead><tr>${block.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
      const rows = block.rows.map(
        (row) =>
          `<tr>${row
            .map((text, i) => {
              const rag = i === block.ragColumn && RAG_COLOURS[text] ? ` class="rag-${text.toLowerCase()}"` : '';
              return `<td${rag}>${escapeHtml(text)}</td>`;
            })
            .join('')}</tr>`,
      );
      return `<table>${head}<tbody>${rows.join('')}</tbody></table>`;
    }
  }
}

/** The report as one print-ready HTML page: A4, no scripts, no external assets. */
export function htmlReport(doc: ReportDocument): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1 class="title">${escapeHtml(doc.title)}</h1>`,
    ...doc.blocks.map(draw),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
