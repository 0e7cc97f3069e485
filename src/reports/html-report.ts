import { Block, RAG_COLOURS, ReportDocument } from './document';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: nothing a person typed is ever markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The escaped text with each date's spaces made non-breaking, so "5 Jan 2027" never splits over two lines.
 * Done here rather than in the words, since Word sizes its columns by the words between spaces.
 */
function html(text: string): string {
  return escapeHtml(text).replace(
    /\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})\b/g,
    '$1&nbsp;$2&nbsp;$3',
  );
}

/** A reference column: "LAC-1" must not break at its hyphen. */
const REF_HEADER = 'Ref';

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
td.ref { white-space: nowrap; }
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
      return `<h${block.level}>${html(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${html(block.text)}</p>`;
    case 'bullets':
      return `<ul>${block.items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = `<thead><tr>${block.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
      const rows = block.rows.map(
        (row) =>
          `<tr>${row
            .map((text, i) => {
              const classes = [
                ...(block.headers[i] === REF_HEADER ? ['ref'] : []),
                ...(i === block.ragColumn && RAG_COLOURS[text] ? [`rag-${text.toLowerCase()}`] : []),
              ];
              return `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}>${html(text)}</td>`;
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
