import { acronymsIn, unexplainedAcronyms } from '../plain-english';
import { GlossaryLine, ReportGlossary } from './types';

/** Terms the report's own headings use, explained by the report itself when the plan's glossary does not. */
export const REPORT_TERMS: readonly GlossaryLine[] = [
  {
    term: 'RAG',
    meaning:
      'Red, amber, green: how an action stands, worked out from its status and dates. Red is overdue or delayed, amber at risk or due soon and not started, green on track.',
  },
];

/**
 * The acronyms the report uses with their meanings (the plan's glossary first, then the report's own
 * terms), and those nobody explains, as warnings naming where they appear.
 */
export function reportGlossary(
  texts: ReadonlyArray<{ ref: string; text: string }>,
  planGlossary: readonly GlossaryLine[],
): ReportGlossary {
  const meanings = new Map<string, GlossaryLine>();
  for (const line of [...REPORT_TERMS, ...planGlossary]) meanings.set(line.term.trim().toUpperCase(), line);
  const used = new Set<string>(['RAG']);
  for (const { text } of texts) for (const acronym of acronymsIn(text)) used.add(acronym.toUpperCase());
  const entries = [...used]
    .flatMap((key) => {
      const line = meanings.get(key);
      return line ? [{ term: line.term.trim(), meaning: line.meaning.trim() }] : [];
    })
    .sort((a, b) => a.term.localeCompare(b.term));
  return { entries, warnings: unexplainedAcronyms(texts, [...meanings.keys()]) };
}
