/**
 * CSV injection ("formula injection"): a spreadsheet opening a CSV treats a
 * cell that starts with one of these characters as a formula, so a title
 * typed as `=HYPERLINK(…)` would become a live link or command in a
 * committee member's Excel. OWASP's advice is to start such cells with a
 * single quote, which Excel reads as "this is text".
 *
 * A negative number typed as text ("-5") is neutralised too: every cell the
 * product writes is text already, and telling a harmless "-5" from
 * "-2+3+cmd|…" is exactly the guess this rule exists to avoid.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]);
}

/** The cell as it is safe to write into a CSV. */
export function neutraliseCell(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * Undoes `neutraliseCell` when a CSV the product wrote is imported again, so
 * an export goes back in unchanged. Only a quote followed by a trigger
 * character is taken off; any other leading quote is the plan's own text.
 */
export function restoreNeutralisedCell(text: string): string {
  return text.startsWith("'") && startsLikeFormula(text.slice(1)) ? text.slice(1) : text;
}
