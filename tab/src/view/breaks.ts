/**
 * Where a long address may break over lines: an email before its `@` and its dots, a link after `//` and
 * before each `/`, `.`, `?`, `#`, `&`, `=`, `-` or `_` (the places style guides break a URL), never inside a
 * word. Ordinary words are left alone. Returns the pieces to join with a line-break opportunity.
 */
export function addressPieces(word: string): string[] {
  if (!/@|:\/\//.test(word)) return [word];
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < word.length; i++) {
    const c = word[i];
    const prev = word[i - 1];
    const before = /[@./?#&=_-]/.test(c) && !/[:/]/.test(prev);
    const afterSlashes = prev === '/' && word[i - 2] === '/' && c !== '/';
    if ((before || afterSlashes) && i > start) {
      pieces.push(word.slice(start, i));
      start = i;
    }
  }
  pieces.push(word.slice(start));
  return pieces;
}

/** A line of text cut into runs, each a plain run or an address in pieces (see `addressPieces`). */
export function breakableRuns(text: string): string[][] {
  return text.split(/(\s+)/).map((run) => (/\s/.test(run) ? [run] : addressPieces(run)));
}
