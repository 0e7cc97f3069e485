import { EVIDENCE_NEEDED, NOTE_NEEDED, REF_NEEDED, unknown } from './command-build';
import type { Rule } from './command-rules';
import { MEASURE_NEAR_MISSES } from './command-measure-phrasings';
import { monthWithoutRef } from './command-part-of';

/** Commands that nearly matched: the word is there but a piece is missing. Always `unknown`, with a problem. */
export const NEAR_MISSES: Rule[] = [
  {
    patterns: ['add|attach? the|some|new|an? evidence|proof to|for|on|against? {ref}', '{ref} add? evidence|proof'],
    build: (_, m) => unknown(m, EVIDENCE_NEEDED),
  },
  {
    patterns: ['add|leave? a|the|new? note|notes|comment to|for|on|against? {ref}', '{ref} add? a? note|notes|comment'],
    build: (_, m) => unknown(m, NOTE_NEEDED),
  },
  {
    patterns: ['mark|set|flag|change|update {ref} status? as|to|is* {rest?}'],
    build: (_, m) =>
      unknown(
        m,
        'What status? For example: SG-4 done, SG-4 on track, SG-4 at risk: waiting for IT, SG-4 not started or SG-4 cancelled.',
      ),
  },
  {
    patterns: ['use|bind|link|connect|attach|switch|set to? the? plan {rest?}', '$place* is|uses plan {rest?}'],
    build: (_, m) => unknown(m, 'Which plan? Give its id in one word, for example: use plan ofsted-2011 here'),
  },
  { patterns: ['$show* show|details|detail|info|status|open'], build: (_, m) => unknown(m, REF_NEEDED('show SG-4')) },
  {
    patterns: ['$historyLead* history|changes|timeline of|for|to|on?'],
    build: (_, m) => unknown(m, REF_NEEDED('history SG-4')),
  },
  {
    patterns: ['sign|signed off|of {rest?}', 'signoff|sign-off {rest?}'],
    build: (_, m) => unknown(m, REF_NEEDED('sign off SG-4')),
  },
  {
    patterns: ['approve {rest?}', '$approve $dateAdj* $dateNoun $dateNoun*'],
    build: (_, m) => unknown(m, REF_NEEDED('approve SG-4')),
  },
  {
    patterns: ['$decline $dateAdj* $dateNoun*', 'turn down $dateAdj* $dateNoun*'],
    build: (_, m) => unknown(m, REF_NEEDED('decline SG-4 because the inspection date is fixed')),
  },
  {
    patterns: ['add|attach? the|some|new|an? evidence|proof {rest?}'],
    build: (_, m) => unknown(m, REF_NEEDED('evidence SG-4 https://example.com/report.pdf')),
  },
  {
    patterns: ['add|leave? a|the|new? note|notes|comment {rest?}'],
    build: (_, m) => unknown(m, REF_NEEDED('note SG-4 spoke to supplier')),
  },
  // "finished back in October": which action, and which day.
  { patterns: ['$iDid* {status} {rest}'], build: monthWithoutRef },
  { patterns: ['mark|set|flag {rest?}'], build: (_, m) => unknown(m, REF_NEEDED('mark SG-4 complete')) },
  {
    patterns: ['delay|postpone|defer {rest?}'],
    build: (_, m) => unknown(m, REF_NEEDED('SG-4 delayed to end of March because supplier problems')),
  },
  {
    patterns: ['move|reschedule|extend|push {rest?}'],
    build: (_, m) => unknown(m, REF_NEEDED('move SG-4 to end of next month')),
  },
  ...MEASURE_NEAR_MISSES,
];
