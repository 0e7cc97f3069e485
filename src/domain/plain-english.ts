/** Abbreviations every reader of a council paper knows, which need no glossary entry. */
const WELL_KNOWN = new Set(['UK', 'OK', 'TV', 'NHS', 'GP', 'IT', 'AM', 'PM']);

// Letters followed by a hyphen or dot and a number are an action's reference ("SG-3", "LAC-6"), not an acronym.
const WORD = /(?<![\p{L}\p{N}])\p{L}{2,12}(?![\p{L}\p{N}]|[-.]\d)/gu;

/**
 * Words that are at least half capitals, with two or more ("CAMHS", "CiCC",
 * "PCTs", "DfE"), are taken for acronyms; names like "McDonald" are not.
 */
export function acronymsIn(text: string): string[] {
  const found = new Set<string>();
  for (const [word] of text.matchAll(WORD)) {
    const capitals = word.replace(/\P{Lu}/gu, '').length;
    if (capitals >= 2 && capitals * 2 >= word.length) found.add(word.endsWith('s') ? word.slice(0, -1) : word);
  }
  return [...found];
}

export interface AcronymWarning {
  acronym: string;
  refs: string[];
}

/** Acronyms in the texts that neither the glossary nor common knowledge explains, with where they appear. */
export function unexplainedAcronyms(
  texts: ReadonlyArray<{ ref: string; text: string }>,
  glossaryTerms: readonly string[],
): AcronymWarning[] {
  const explained = new Set(glossaryTerms.map((t) => t.trim().toUpperCase()));
  const where = new Map<string, string[]>();
  for (const { ref, text } of texts) {
    for (const acronym of acronymsIn(text)) {
      const key = acronym.toUpperCase();
      if (WELL_KNOWN.has(key) || explained.has(key)) continue;
      const refs = where.get(acronym) ?? [];
      if (!refs.includes(ref)) refs.push(ref);
      where.set(acronym, refs);
    }
  }
  return [...where.entries()]
    .map(([acronym, refs]) => ({ acronym, refs }))
    .sort((a, b) => a.acronym.localeCompare(b.acronym));
}

export interface GlossaryRow {
  term: string;
  meaning: string;
}

/** A glossary file: two columns, term and meaning, with or without a heading row. */
export function validateGlossary(table: readonly (readonly string[])[]): { entries: GlossaryRow[]; errors: string[] } {
  const entries: GlossaryRow[] = [];
  const errors: string[] = [];
  table.forEach((cells, i) => {
    const term = (cells[0] ?? '').trim();
    const meaning = (cells[1] ?? '').trim();
    if (term === '' && meaning === '') return;
    if (i === 0 && /^(term|acronym|abbreviation)$/i.test(term)) return;
    if (term === '' || meaning === '') errors.push(`Glossary row ${i + 1}: needs both a term and its meaning.`);
    else if (term.length > 40 || meaning.length > 500)
      errors.push(`Glossary row ${i + 1}: the term may be 40 characters and the meaning 500 at most.`);
    else entries.push({ term, meaning });
  });
  return { entries, errors };
}
