import { need, scopeText } from './command-build';
import { PLEASANTRIES } from './command-vocabulary';
import type { Rule } from './command-rules';

/** Rules for talking to the bot and reading the plan: help, cancel, small talk, binding, decisions, overdue, history. */
export const READING_RULES: Rule[] = [
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
      // "hi, what have I got on?": a greeting first, and "on" for what is on someone's plate.
      'hi|hello|hey|morning|afternoon* what|whats have|do|ve* i got|have on this|today|at* week|moment|today?',
      'what do you need from $me',
      'what|which $things? do|have i own|have|got',
      '$things assigned? for|to $me',
      // What is still to do, however it is put: "what's left for me?", "what do I need to do", "anything I need to do?",
      // "what should I be working on?"; "this week" or "today" after it asks the same.
      '$ask* $things? still? left|outstanding|open|remaining|pending for|with $me to? do? $soon*',
      'what|whats|anything|any do|have|ve|must|should? i still? need|have|got|gotta to? do|action $soon*',
      'do|have i still? have|got anything|any|owt $things? still? left|outstanding|open|remaining|to? do? $soon*',
      'what|which $things? do|have i still? have|got left|outstanding|open|remaining $soon*',
      'which|what of? my $things are|is still? open|outstanding|left|remaining',
      'what|which $things? am i responsible|accountable for $soon*',
      'what|which $things? should|do|am i be? working on $soon*',
      'what|whats|anything needs|need doing|done from|by $me $soon*',
      'anything|any for $me $soon*',
      '$ask* on? my to-do|todo|to-dos|todos list? $soon*',
      '$ask* on? my to do list? $soon*',
    ],
    build: () => ({ kind: 'myActions', which: 'all' }),
  },
  {
    patterns: [
      '$ask|$things* overdue|late $things? {scope}',
      // "who's behind?", "who's late with their actions", "is anyone running late?": an asking word first, so that
      // "running behind" or "behind schedule" given as a reason is not taken for the question.
      'who|whos|which|what|whats|is|are|any|anything|anyone|anybody $ask|$things|anyone|anybody* running? behind|late|overdue with|on|in? their|the|any? $things|deadlines|schedule|work? {scope}',
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
];
