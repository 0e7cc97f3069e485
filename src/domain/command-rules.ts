import { compilePattern, type Pattern } from './command-pattern';
import { statusesAt } from './command-status';
import {
  approve,
  asked,
  commentFrom,
  decideDate,
  delay,
  delayIfDated,
  EVIDENCE_NEEDED,
  need,
  NOTE_NEEDED,
  REF_NEEDED,
  scopeText,
  signOffCommand,
  textFrom,
  unknown,
  withStatus,
  type Build,
} from './command-build';
import { PLEASANTRIES, SETS } from './command-vocabulary';
import { measureValue } from './command-measure';

interface Rule {
  patterns: string[];
  build: Build;
}

/** The commands, first match wins: specific phrasings before the catch-all "SG-4" → show. */
const RULES: Rule[] = [
  {
    patterns: [
      'help|helo|halp|commands|command|menu|usage|instructions|options|start',
      'help me|please|pls',
      'show|list|what|whats|are* the|your|all* commands|options',
      'what can|do you|u|i do|say|ask|type',
      'how do i use this|you|it',
      'how does this|it work',
      'get started',
      '$helpLead* how do|can|should i|we {rest}',
      '$helpLead* what do|can|should i type|say|write {rest?}',
      '$helpLead* how does this|it|the thing|bot|tracker? work',
      'help {rest}',
    ],
    build: () => ({ kind: 'help' }),
  },
  {
    patterns: [
      'cancel|stop|quit|exit|nevermind|nvm|forget that|this|it?',
      'never mind',
      'no stop|cancel',
      '$cancelPre* $cancelVerb $cancelTail*',
      'no* dont do that|it|this',
      'no* do not do that|it|this',
      'no* thanks? leave it as it is|was',
    ],
    build: () => ({ kind: 'cancel' }),
  },
  {
    // "undo that, LAC-7 is not done": nothing is undone, but the action named shows how to put it back.
    // Without an action named, more words may be the answer to a question ("put it back a week", "reversed by the board").
    patterns: [
      '$cancelPre* undo|revert|reverse $cancelTail*',
      '$cancelPre* undo|revert|reverse $cancelTail* {rest}',
      '$cancelPre* change|put|set|turn it|that|this back {rest}',
    ],
    build: (c, m) => {
      if (c.rest === undefined) return { kind: 'cancel' };
      const named = m.tokens.slice(c.rest).find((t) => t.ref !== null)?.ref;
      return named ? { kind: 'cancel', named } : null;
    },
  },
  {
    patterns: ['$smallTalk $smallTalk*'],
    // At least one word that is a pleasantry on its own: "a", "one" or "it" alone is not small talk.
    build: (_, m) =>
      m.tokens.some((t) => PLEASANTRIES.has(t.word))
        ? { kind: 'smallTalk', thanks: /\b(?:thanks?|thx|ta|cheers|star|appreciated|helpful)\b/i.test(m.text) }
        : null,
  },
  {
    patterns: [
      'use|bind|link|connect|attach|switch|set to? the? plan {plan} $bindTail*',
      'bind|link|connect|attach|set $place* to plan {plan} $bindTail*',
      '$place* is|uses|for plan {plan} $bindTail*',
      'switch|change|set the? plan to {plan} $bindTail*',
      'use|bind|link|connect|attach|set $place* $place* to|with plan? {plan} $bindTail*',
      'use|connect|link|bind|attach {plan} in|to|for|with|on $place* $place* {rest?}',
      'set $place* $place* plan|plans to {plan} $bindTail*',
      'from now on? $place* $place* is|are for plan? {plan} $bindTail*',
    ],
    build: (c) => ({ kind: 'bindPlan', planId: need(c.plan) }),
  },
  {
    // What waits for a chair's decision: "decisions", "dates to decide", "what's waiting for approval".
    patterns: [
      '$ask* my|the|all|any|pending|open|outstanding|waiting* decisions|approvals $decisionWait* decide|deciding|me|now?',
      '$ask* my|the|all|any|pending|open|outstanding|waiting|new* dates|date|requests|request $dateNoun* $decisionWait* decide|deciding|decision|decisions|approve|approving|approval',
      '$ask* $decisionWait* $decisionWait approval|approvals|decision|decisions|deciding|approving',
      '$ask* to decide|approve',
      '$ask* waiting|pending|needing for|on? me|my to? approve|approval|decide|decision|decisions|sign',
      '$ask* new? date|dates requests|request for me',
      'what|which do i need|have to decide|approve on?',
      '$ask* needing|needs|need my approval|decision|decisions this|today? week?',
    ],
    build: () => ({ kind: 'decisions' }),
  },
  {
    patterns: [
      '$ask* my overdue|late $things?',
      '$ask* overdue|late $things? for|with $me',
      'which|what of? my $things are|is overdue|late',
      'am i overdue|late on? anything?',
      'what|which have|do i got|have? overdue|late',
    ],
    build: () => ({ kind: 'myActions', which: 'overdue' }),
  },
  {
    patterns: [
      '$ask* my|$things* due soon|shortly|next',
      '$ask* my|$things* due in|within|this|next|the|coming* two|2|a? fortnight|week|weeks',
      '$ask* my|$things* coming up|soon',
      '$ask* my* upcoming $things|deadlines?',
    ],
    build: () => ({ kind: 'myActions', which: 'dueSoon' }),
  },
  {
    patterns: [
      '$ask* my open|current|outstanding|own? $things|list|stuff|work',
      '$ask* mine',
      'what|whats am i down for',
      'what|whats have|do i got|have outstanding',
      '$ask* $things are|is mine',
      'anything|any|what due from $me',
      'what|whats on my plate|desk|list',
      'what do you need from $me',
      'what|which $things? do|have i own|have|got',
      '$things assigned? for|to $me',
    ],
    build: () => ({ kind: 'myActions', which: 'all' }),
  },
  {
    patterns: [
      '$ask|$things* overdue|late $things? {scope}',
      'what|whats|which is|are? past its|their|the due date|dates|deadline',
    ],
    build: (c, m) => ({
      kind: 'overdue',
      scope: c.scope ? { kind: c.scope.kind, text: scopeText(m, c.scope.from) } : null,
    }),
  },
  {
    patterns: [
      '$historyLead* history|changes|log|audit|timeline|hist of|for|to|on? {ref}',
      '{ref} history|changes|log|audit|timeline',
      '$historyLead* audit|change trail|log|history of|for|on? {ref}',
      'what|whats has|have? been done on|to|with|for {ref} {rest?}',
      'what|whats has|have? changed|happened on|to|with|for {ref}',
      'who changed|updated {ref}',
    ],
    build: (c) => ({ kind: 'history', ref: need(c.ref) }),
  },
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
    build: (c, m) => {
      const text = textFrom(m, c.rest);
      const evidence = text?.replace(/^(?:is|are|was|=)\s+/i, '') ?? null;
      return evidence === null || evidence === ''
        ? unknown(m, EVIDENCE_NEEDED)
        : { kind: 'evidence', ref: need(c.ref), text: evidence };
    },
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
    // "4(a) needs another 2 weeks", "5(a) will be the 14th now", "AFI-1: can i have another 3 weeks?": a delay when a date follows.
    patterns: [
      '{ref} needs|need|requires|wants {rest}',
      '{ref} can|could|may i|we have|get|say {rest}',
      '{ref} will be|is|now {rest}',
      '{ref} {rest}',
    ],
    build: (c, m) => delayIfDated(need(c.ref), m, c.rest),
  },
  {
    patterns: ['$show* {ref} $showTail*'],
    build: (c) => ({ kind: 'show', ref: need(c.ref) }),
  },
];

/** Commands that nearly matched: the word is there but a piece is missing. Always `unknown`, with a problem. */
const NEAR_MISSES: Rule[] = [
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
  { patterns: ['mark|set|flag {rest?}'], build: (_, m) => unknown(m, REF_NEEDED('mark SG-4 complete')) },
  {
    patterns: ['delay|postpone|defer {rest?}'],
    build: (_, m) => unknown(m, REF_NEEDED('SG-4 delayed to 30/09/2026 because supplier problems')),
  },
  {
    patterns: ['move|reschedule|extend|push {rest?}'],
    build: (_, m) => unknown(m, REF_NEEDED('move SG-4 to end of October')),
  },
];

export type CompiledRule = { patterns: Pattern[]; build: Build };
const compile = (rules: Rule[]): CompiledRule[] =>
  rules.map((r) => ({ patterns: r.patterns.map((p) => compilePattern(p, SETS)), build: r.build }));
export const COMPILED_RULES = compile(RULES);
export const COMPILED_NEAR_MISSES = compile(NEAR_MISSES);
