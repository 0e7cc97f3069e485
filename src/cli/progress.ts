/**
 * Progress for long jobs: redrawn in place on a terminal, and a line every
 * tenth of the way otherwise (so CI logs stay short).
 */
export function progressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, minimumTotal = 200) {
  let lastTenth = -1;
  return (label: string, done: number, total: number) => {
    if (total < minimumTotal) return;
    const percent = Math.floor((done / total) * 100);
    const text = `${label}: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} (${percent}%)`;
    if (stream.isTTY) {
      stream.write(`\r${text}${done >= total ? '\n' : ''}`);
    } else if (Math.floor(percent / 10) !== lastTenth) {
      lastTenth = Math.floor(percent / 10);
      stream.write(text + '\n');
    }
  };
}
