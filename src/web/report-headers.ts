import { CONTENT_TYPES, ReportFormat } from '../reports/render';

/**
 * How a report file is sent, from the tab or from a signed link: the Word document as a download, the web
 * page shown in the browser (ready to print); never cached; and the page may load and run nothing.
 */
export function reportHeaders(format: ReportFormat, fileName: string): Record<string, string> {
  return {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `${format === 'docx' ? 'attachment' : 'inline'}; filename="${fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  };
}
