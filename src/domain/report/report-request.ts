/**
 * "report", "committee report", "highlight report for ofsted-2011", "report ofsted-2011 please":
 * a request for the committee report, naming a plan or not. Anything else is not one.
 */
const REQUEST =
  /^(?:(?:can i (?:have|get)|send me|get me|make|give me)\s+)?(?:the\s+|a\s+)?(?:committee\s+|highlight\s+)?report(?:\s+(?:for|on)(?:\s+the)?)?(?:\s+plan)?(?:\s+([a-z0-9][a-z0-9-]{0,62}))?(?:\s+please)?[\s.!?]*$/i;

const NOT_A_PLAN = new Set(['please', 'now', 'today', 'thanks']);

export function reportRequest(text: string): { planId: string | null } | null {
  const match = REQUEST.exec(text.trim().replace(/\s+/g, ' '));
  if (!match) return null;
  const named = match[1]?.toLowerCase() ?? null;
  return { planId: named && !NOT_A_PLAN.has(named) ? named : null };
}
