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
