import { statusesAt } from './command-status';
import {
  approve,
  asked,
  commentFrom,
  decideDate,
  delay,
  delayIfDated,
  need,
  NOTE_NEEDED,
  signOffCommand,
  textFrom,
  unknown,
  withStatus,
} from './command-build';
import { evidenceCommand } from './command-evidence-words';
import { LATENESS_RULE } from './command-lateness';
import { MEASURE_SELECTOR_RULE, measureValue, SHORT_MEASURE_RULE } from './command-measure';
import { MEASURE_PHRASINGS, MEASURE_WORD_VALUES } from './command-measure-phrasings';
import { partOf } from './command-part-of';
import type { Rule } from './command-rules';

/** Rules for changes and decisions: dates decided, sign-off, evidence, status, notes, measures, delays; last, "SG-4" alone shows it. */
export const CHANGING_RULES: Rule[] = [
  {
    // A decision on the new date an owner asked for, named as such: "approve the new date for SG-4", "SG-4's new date approved".
    patterns: [
      '$approve $dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} {rest?}',
      'happy|ok|okay|content|fine with|to $dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} {rest?}',
      '$approve {ref} $dateAdj* $dateNoun $dateNoun* {rest?}',
      'yes to? $dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} {rest?}',
      '{ref} $dateAdj* $dateNoun $dateNoun* $beFill* $approved {rest?}',
      '$dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} $beFill* $approved {rest?}',
    ],
    build: (c, m) => decideDate(c, m, 'approve'),
  },
  {
    // Declining only ever concerns a new date: "decline SG-4 because …", "reject the new date for SG-4: not justified".
    patterns: [
      '$decline {ref} $dateAdj* $dateNoun $dateNoun* {rest?}',
      '$decline $dateAdj* $dateNoun* for|of|on|to|from? {ref} {rest?}',
      'turn down $dateAdj* $dateNoun* for|of|on|to|from? {ref} {rest?}',
      'i|we? do|will|can|shall|should? not approve|accept|allow|agree $dateAdj* $dateNoun* for|of|on|to|from? {ref} {rest?}',
      'i|we? dont|wont|cant|cannot|shouldnt approve|accept|allow|agree $dateAdj* $dateNoun* for|of|on|to|from? {ref} {rest?}',
      'no to? $dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} {rest?}',
      'no to {ref} $dateAdj* $dateNoun $dateNoun* {rest?}',
      'not approving|accepting|agreeing $dateAdj* {ref} $dateAdj* $dateNoun* {rest?}',
      '{ref} $beFill* declined|rejected {rest?}',
      '{ref} $dateAdj* $dateNoun $dateNoun* $beFill* $declined {rest?}',
      '$dateAdj* $dateNoun $dateNoun* for|of|on|to|from? {ref} $beFill* $declined {rest?}',
    ],
    build: (c, m) => decideDate(c, m, 'decline'),
  },
  {
    // "approve SG-4" alone: its new date if one is waiting, else its sign-off (worked out against the register).
    patterns: ['approve {ref} {rest?}', '{ref} $beFill* approved {rest?}'],
    build: approve,
  },
  {
    patterns: [
      'please|ready|for|to* sign|signed|signing off|of {ref} {rest?}',
      'signoff|sign-off|signedoff for|of? {ref} {rest?}',
      'record|mark {ref} as signed|sign off {rest?}',
      'approve completion|closure of|for? {ref} {rest?}',
      '{ref} $setFill* sign|signed|signing off {rest?}',
      'sign {ref} off {rest?}',
      '{ref} is|has|been|can|be|ready|to|for* sign|signed off|of {rest?}',
      '{ref} is|has|been|can|be* signoff|sign-off|signedoff {rest?}',
    ],
    build: (c, m) => asked(m, need(c.ref), 'sign off SG-4') ?? signOffCommand(need(c.ref), commentFrom(m, c.rest)),
  },
  {
    // "attach https://… to SG-I-1": the evidence before the ref.
    patterns: ['add|attach|upload|link {rest}'],
    build: (c, m) => {
      const last = m.tokens[m.tokens.length - 1];
      const joiner = m.tokens[m.tokens.length - 2];
      const from = c.rest ?? 0;
      if (!last?.ref || !['to', 'for', 'on', 'against'].includes(joiner?.word ?? '') || m.tokens.length - 2 <= from)
        return null;
      const text = m.text.slice(m.tokens[from].start, joiner.start).trim();
      return /https?:\/\//i.test(text) ? { kind: 'evidence', ref: last.ref, text } : null;
    },
  },
  {
    patterns: [
      'add|attach|upload|uploading|log|record|save|heres|here|is? this|the|some|new|an? evidence|proof as? to|for|on|against? {ref} {rest}',
      'add|attach|upload this|the|that? as evidence|proof to|for|on|against? {ref} {rest}',
      '{ref} add? evidence|proof of? progress? {rest}',
    ],
    build: (c, m) => evidenceCommand(need(c.ref), textFrom(m, c.rest), m),
  },
  {
    // Red is delayed or at risk: the person is asked which.
    patterns: [
      '{ref} $setFill* red {rest?}',
      'mark|set|flag|make|put|change|move {ref} status? as|to|at|is* red {rest?}',
      'rag|status for|of {ref} is|to|now* red {rest?}',
    ],
    build: (c, m) => ({ kind: 'askRed', ref: need(c.ref), comment: commentFrom(m, c.rest) }),
  },
  // "LAC-8 is running about two weeks late", "we're behind on LAC-8": lateness in the sender's own words.
  LATENESS_RULE,
  {
    // A status change; "delayed" becomes a delay ("SG-4 delayed to 30/09/2026") and "signed off" a sign-off.
    patterns: [
      'mark|set|flag|change|make|put|move {ref} status? as|to|is* {status} {rest?}',
      'update|change {ref} status? to|as {status} {rest?}',
      'update|change {ref} status {status} {rest?}',
      'update|change|set|mark the? status of|for|on {ref} to|as|is? {status} {rest?}',
      '{ref} $setFill* {status} {rest?}',
      '{ref} can|could|would|will you|u please|pls? put|set|mark|change|move it|this back? to|as|at? {status} {rest?}',
      '$iDid* {status} {ref} {rest?}',
    ],
    build: (c, m) => {
      const ref = need(c.ref);
      // "6a will be done in 2 weeks" is a new date, not done; "going to be complete" without a date is not a change.
      const future = m.tokens.slice(0, c.rest ?? m.tokens.length).some((t) => t.word === 'will' || t.word === 'going');
      if (future && c.status === 'Complete')
        return delayIfDated(ref, m, c.rest) ?? unknown(m, `When ${ref} is done, tell me: ${ref} done.`);
      // "2.1 (ii) started - on track" says one status twice; "SG-4 at risk on track" says two, and is not guessed at.
      const next = c.rest === undefined ? [] : statusesAt(m.tokens, c.rest);
      if (next.some((s) => s.status !== c.status))
        return unknown(m, `Which status for ${ref}? Send one, for example: ${ref} on track.`);
      const again = next.find((s) => s.status === c.status);
      const from = again && c.rest !== undefined ? c.rest + again.length : c.rest;
      return withStatus(ref, need(c.status), m, from !== undefined && from < m.tokens.length ? from : undefined);
    },
  },
  // "finished the protocol for A.2.1 on 27/11": a thing finished for the action, perhaps only part of it.
  { patterns: ['$iDid* {status} {rest}'], build: partOf },
  // "SG-1 measure 2 88%" names which of the action's measures, before the phrasings that name none.
  MEASURE_SELECTOR_RULE,
  SHORT_MEASURE_RULE,
  ...MEASURE_PHRASINGS,
  {
    // "update SG-2 measure to 92%": a measure named straight after the ref takes a value; it is not a note about it.
    patterns: [
      'update|record|log|set|enter|change|put {ref} measure|value|kpi|figure|score|figures to|as|at|is|=|now* {rest}',
    ],
    build: (c, m) => measureValue(need(c.ref), m, c.rest),
  },
  {
    patterns: [
      'add|log|record|write|make|leave? a|the|new? note|notes|comment to|for|on|against? {ref} {rest}',
      '{ref} add? a? note|notes|comment|update|fyi that? {rest}',
      'update|progress|news on|for|to? {ref} {rest}',
      'for the record|info {ref} {rest}',
      'quick? update|note for|on? for|on? {ref} {rest}',
    ],
    build: (c, m) => {
      const text = textFrom(m, c.rest);
      return text === null ? unknown(m, NOTE_NEEDED) : { kind: 'note', ref: need(c.ref), text };
    },
  },
  {
    // A value of the action's measure: "6(a) measure 42", "measure 6(a) 76%", "6(a) is at 18 audits this month".
    patterns: [
      'measure|value|kpi|figure|score|indicator for|of? {ref} is|=|at|now* {rest}',
      'record|log|enter|add|update the|a|new? measure|value|kpi|figure|score for|of|on? {ref} as|to|at|is* {rest}',
      '{ref} measure|value|kpi|figure|score|figures|performance is|=|at|now* {rest}',
      '{ref} is|s|now|currently* at|on {rest}',
    ],
    build: (c, m) => measureValue(need(c.ref), m, c.rest),
  },
  ...MEASURE_WORD_VALUES,
  {
    patterns: [
      '$ask* the|our|my|plans|plan* measures|kpis|indicators|performance $showTail*',
      '$ask* the|our|my|plans|plan* performance book|measures $showTail*',
      'how are|is the|our* measures|kpis|indicators|performance doing|looking|going?',
    ],
    build: () => ({ kind: 'measures' }),
  },
  {
    patterns: ['delay|postpone|defer {ref} {rest?}'],
    build: (c, m) => delay(need(c.ref), m, c.rest, true),
  },
  {
    patterns: [
      'move|reschedule|extend|shift|rearrange {ref} {rest?}',
      'push|put {ref} back|out|forward? {rest?}',
      'push|put back|out {ref} {rest?}',
      '{ref} new|revised|updated due? date|deadline {rest?}',
      'change|set|update|new|revised the? due? date|deadline of|for|on? {ref} {rest?}',
      '{ref} has|was|been|is|now* moved|moving|rescheduled|extended|pushed back|out|to? {rest?}',
      '{ref} is? now due {rest}',
    ],
    build: (c, m) => delay(need(c.ref), m, c.rest, false),
  },
  {
    // "4(a) needs another 2 weeks", "SG-12 needs another month, the board meeting moved": behind, so marked delayed,
    // as "SG-4 is going to slip" is, when a date or a time to add follows.
    patterns: ['{ref} needs|need|requires|wants {rest}'],
    build: (c, m) => {
      const read = delayIfDated(need(c.ref), m, c.rest);
      return read?.kind === 'delay' ? { ...read, statusChange: true } : null;
    },
  },
  {
    // "5(a) will be the 14th now", "AFI-1: can i have another 3 weeks?": a delay when a date follows.
    patterns: ['{ref} can|could|may i|we have|get|say {rest}', '{ref} will be|is|now {rest}', '{ref} {rest}'],
    build: (c, m) => delayIfDated(need(c.ref), m, c.rest),
  },
  {
    patterns: ['$show* {ref} $showTail*'],
    build: (c) => ({ kind: 'show', ref: need(c.ref) }),
  },
];
