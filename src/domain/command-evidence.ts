/**
 * Evidence typed in the same message as a status ("6(a) done - evidence: https://…", "IP-2 complete, all
 * 60 laptops issued https://…"): what follows "evidence", or else the links, is the evidence; the rest is
 * the comment.
 */
export function splitEvidence(comment: string | null): { comment: string | null; evidence: string | null } {
  if (!comment) return { comment, evidence: null };
  const marker = /(?:^|[\s,;.:–—-])evidence(?: is| of progress)?(?:\s*[:\-–—]\s*|\s+(?=https?:\/\/))(.+)$/i.exec(
    comment,
  );
  if (marker) return { comment: tidy(comment.slice(0, marker.index)), evidence: tidy(marker[1]) };
  const link = /https?:\/\/\S{1,1900}/i.exec(comment);
  if (!link) return { comment, evidence: null };
  const before = comment
    .slice(0, link.index)
    .replace(/[\s,;:–—-]*\b(?:report|see|link|here|attached|at)[\s:–—-]*$/i, '');
  return { comment: tidy(before), evidence: link[0].replace(/[.,;:)]+$/, '') };
}

function tidy(text: string): string | null {
  const t = text.replace(/^[\s,;.:–—-]+|[\s,;.:–—-]+$/g, '');
  return t === '' ? null : t;
}

/** A chair signing off without evidence still missing: what they said it is without, and why. */
export interface SignOffOverride {
  /** "the audit report", "evidence"; null when they said only "anyway". */
  without: string | null;
  /** Null when no reason was given: the bot asks for one and changes nothing. */
  reason: string | null;
}

const OVERRIDE =
  /^(?:but\s+)?(?:without|w\/o|despite(?:\s+(?:missing|no|the\s+missing))?|even\s+though|anyway|regardless|overrid(?:e|ing|den))\b(.*)$/is;
const REASON = /\s*(?:,\s|\b(?:because(?:\s+of)?|since|as|due\s+to|reason(?:\s+is)?)\b|[:–—]|\s-\s)\s*:?/i;

/**
 * "sign off 6(a) without the audit report because the auditor has left", "sign off 6(a) anyway: board agreed",
 * "sign off 6(a) override because …": an override, with what it is without and the reason. Anything else is a comment.
 */
export function splitSignOffOverride(comment: string | null): {
  comment: string | null;
  override: SignOffOverride | null;
} {
  const said = comment ? OVERRIDE.exec(comment.trim()) : null;
  if (!said) return { comment, override: null };
  const rest = said[1];
  const at = REASON.exec(rest);
  const without = tidy(at ? rest.slice(0, at.index) : rest)?.replace(/^(?:the\s+)?(?:missing\s+)?/i, '') || null;
  const reason = at ? tidy(rest.slice(at.index + at[0].length)) : null;
  return { comment: null, override: { without, reason } };
}
