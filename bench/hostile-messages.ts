/**
 * Messages built to make a parser backtrack: repeated command words, long runs of one character,
 * digits, refs and brackets, each most just under the 2,000 characters the grammar reads (longer ones are refused unread, so two are 4,000). The benchmark times them; a unit test
 * checks what they parse to.
 */
const fill = (piece: string, after = '', length = 1990): string =>
  (piece.repeat(Math.ceil(length / piece.length)).slice(0, length - after.length) + after).trim();

export const HOSTILE_MESSAGES: readonly { name: string; text: string }[] = [
  { name: 'a ref then "changes" 248 times', text: 'SG-4 ' + 'changes '.repeat(248) },
  { name: 'repeated show', text: fill('show ') },
  { name: 'repeated history', text: fill('history ', 'SG-4') },
  { name: 'repeated mark', text: fill('mark ', 'SG-4 complete') },
  { name: 'repeated approve the new date', text: fill('approve the new date ', 'for SG-4') },
  { name: 'repeated status words', text: fill('SG-4 at risk on track ') },
  { name: 'repeated what is my', text: fill('what is my ') },
  { name: 'repeated polite words', text: fill('please thanks ') },
  { name: 'repeated small talk', text: fill('thanks ok ') },
  { name: 'repeated cancel', text: fill('no cancel ') },
  { name: 'one letter', text: 'a'.repeat(1990) },
  { name: 'one letter, 4,000', text: 'a'.repeat(4000) },
  { name: 'refs, 4,000', text: fill('SG-4 ', '', 4000) },
  { name: 'one digit', text: '1'.repeat(1990) },
  { name: 'spaced digits', text: fill('1 ') },
  { name: 'dashes', text: '-'.repeat(1990) },
  { name: 'dots and digits', text: fill('1.') },
  { name: 'refs', text: fill('SG-4 ') },
  { name: 'bracketed refs', text: fill('6 (a) ') },
  { name: 'brackets', text: '('.repeat(995) + ')'.repeat(995) },
  { name: 'nested refs', text: fill('6(a)(') },
  { name: 'dates', text: fill('30/09/2026 ') },
  { name: 'new date phrases', text: fill('SG-4 delayed new date ') },
  { name: 'another weeks', text: fill('SG-4 needs another ') },
  { name: 'lateness words', text: `SG-4 ${fill('is going to ', 'be late', 1980)}` },
  { name: 'lateness before a ref', text: fill("we're running two weeks behind on ", 'SG-4') },
  { name: 'lateness over', text: `SG-4 was late ${fill('but now ', 'back on track', 1970)}` },
  { name: 'evidence words', text: fill('SG-4 done evidence ') },
  { name: 'questions', text: fill('is SG-4 done? ') },
  { name: 'negations', text: fill('SG-4 not ') },
  { name: 'urls', text: fill('SG-4 done https://a.b/') },
  { name: 'mentions', text: fill('<at>Action Tracker</at> ') },
  { name: 'html tags', text: fill('<p><b>') },
  { name: 'emoji', text: fill('👍') },
];
