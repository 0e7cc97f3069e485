/** Characters Table Storage forbids in keys, which we also refuse in a plan's own references. */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what Table Storage forbids
const FORBIDDEN_IN_REF = /[/\\#?\u0000-\u001f\u007f-\u009f]/;
export const MAX_REF_LENGTH = 40;

/**
 * The form refs are matched and stored by: case and punctuation do not matter, but the
 * boundaries between numbers do ("10.3.1" ≠ "1.03.1"), and "sg4" = "SG-4" = "Sg 4",
 * "6(a)" = "6a". Letters beyond ASCII count ("Ä-1" ≠ "Ö-1"); for a ref in plain ASCII
 * the key is the same as it always was, so rows already stored under it still read.
 */
export function refKey(ref: string): string {
  const parts = ref
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{M}]+|\p{N}+/gu);
  return parts ? parts.join('-') : '';
}

/**
 * The key earlier versions stored refs under, which dropped every letter beyond ASCII (so
 * "Ä-1" and "Ö-1" both became "1"). Only the store needs it, to read rows written then.
 */
export function legacyRefKey(ref: string): string {
  const parts = ref.toLowerCase().match(/[a-z]+|[0-9]+/g);
  return parts ? parts.join('-') : '';
}

export function validateRef(ref: string): string | null {
  const trimmed = ref.trim();
  if (trimmed === '') return 'The reference is empty; every action needs one (for example SG-4 or 10.3.1).';
  if (trimmed.length > MAX_REF_LENGTH) {
    return `The reference "${trimmed.slice(0, 20)}…" is ${trimmed.length} characters long; the most is ${MAX_REF_LENGTH}.`;
  }
  if (FORBIDDEN_IN_REF.test(trimmed)) {
    return `The reference "${printable(trimmed)}" contains / \\ # ? or a control character, which references cannot contain. Use letters, numbers, dots and dashes (for example SG-4 or 10.3.1).`;
  }
  if (refKey(trimmed) === '') return `The reference "${trimmed}" has no letters or numbers in it.`;
  return null;
}

function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this makes printable
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
}

/** Edit distance, for "Did you mean SG-4?" suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The known refs closest to what was typed, best first; none when nothing is close. */
export function closestRefs(typed: string, refs: readonly string[], limit = 3): string[] {
  const key = refKey(typed);
  if (key === '') return [];
  const allowed = Math.max(1, Math.floor(key.length / 3));
  const candidates = refs.map((ref) => ({ ref, distance: editDistance(key, refKey(ref)) }));
  if (candidates.some((c) => c.distance === 0)) return candidates.filter((c) => c.distance === 0).map((c) => c.ref);
  return candidates
    .filter((c) => c.distance <= allowed)
    .sort((x, y) => x.distance - y.distance || compareRefs(x.ref, y.ref))
    .slice(0, limit)
    .map((c) => c.ref);
}

/** Natural order: SG-2 before SG-10, 10.3.1 before 10.10. */
export function compareRefs(a: string, b: string): number {
  const pa = refKey(a).split('-');
  const pb = refKey(b).split('-');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    const order = nx && ny ? Number(x) - Number(y) : nx !== ny ? (nx ? -1 : 1) : x.localeCompare(y);
    if (order !== 0) return order;
  }
  return 0;
}
