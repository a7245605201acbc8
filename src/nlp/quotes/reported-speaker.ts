/**
 * Who speaks in a reported quote: the whole subject before the cue, the owner of "his remarks", a passive's
 * agent ("was quoted by Kyodo as saying", "was asked by Volcker"), the subject of a relative clause ("..., who
 * said"), and the test that rejects a one-word "speaker" that is a verb, adverb or particle. Separate from the
 * content bounds that `buildReported` also finds.
 */
import { DETERMINERS, NON_NAME_CAPS, SPEECH_VERBS } from './lexicon.js';
import { PAST_VERBS, phraseAfter, phraseBefore, type SourcePhrase } from './noun-phrases.js';
import { beforeVerb } from './sentence-subject.js';
import { datelineEnd, lastContentIndex } from './token-spans.js';
import type { Token } from './tokens.js';
import { FINITE, isPossessive, PREPOSITION_START, PRONOUN_SUBJECT, SUBORDINATOR } from './word-classes.js';

/** Nouns of what a person said or means to do, whose owner speaks: "his remarks", "Trump's claims", "her plan". */
const SAYING_NOUN =
  /^(remarks|comments?|claims?|words|assertions?|accusations?|allegations?|criticisms?|promises?|pledges?|plans?|proposals?|views?|positions?|insistence|suggestions?|threats?|warnings?|denials?|admissions?)$/;

/**
 * A speaker phrase that is a possessor and a noun of saying ("His remarks", "North Korea's claims", "Mrs. Clinton's
 * tax plan"): the possessor, as the one who spoke. Else the phrase as it was.
 */
export function ownerOfSaying(tokens: readonly Token[], src: SourcePhrase): SourcePhrase {
  if (src.end !== src.to || src.to - src.from < 2 || !SAYING_NOUN.test(tokens[src.to - 1]!.lower)) return src;
  for (let p = src.from; p < src.to - 1; p++) {
    const t = tokens[p]!;
    if (/^(his|her|their|its|our|my)$/.test(t.lower) || isPossessive(t)) {
      // (only adjectives and nouns between the owner and the noun: "Trump's recent comments", "her tax plan")
      const between = tokens.slice(p + 1, src.to - 1);
      if (between.every((w) => w.isWord && !w.isCap)) return { from: src.from, to: p + 1, end: p + 1, description: null };
      return src;
    }
  }
  return src;
}

/**
 * "A 2014 study that appeared in the British Medical Journal found ...", "a 46-page analysis released by
 * the department last month reveals ...": a subject that opens its sentence is the source as a whole,
 * post-modifiers and all, not the last noun before the verb.
 */
export function wholeSubject(tokens: readonly Token[], src: SourcePhrase, cue: number): SourcePhrase {
  // (a participle or a preposition is no verb with a subject: "Fallon issues a statement slamming ...")
  if (src.from === 0 || PRONOUN_SUBJECT.test(tokens[src.from]!.lower) || /ing$|^about$/.test(tokens[cue]!.lower)) return src;
  let start = datelineEnd(tokens);
  while (start < src.from && /^(but|and|so|yet|still|now|then|also|maybe|perhaps)$/.test(tokens[start]!.lower)) start++;
  if (start >= src.from || src.from - start > 20) return src;
  const first = tokens[start]!;
  if (!first.isWord || (!first.isCap && !DETERMINERS.has(first.lower)) || (NON_NAME_CAPS.has(first.lower) && !DETERMINERS.has(first.lower)))
    return src;
  // a verb, a clause of its own or a comma before the found phrase means it is not the sentence's subject
  // ("The enmity only escalated after Curiel ordered", "McConnell met with her and came away convinced")
  for (let k = start; k < src.from; k++) {
    const t = tokens[k]!;
    if (/^[.,;:"“”!?]$/.test(t.text) || SPEECH_VERBS.has(t.lower) || (FINITE.test(t.lower) && t.text === t.lower)) return src;
    if (
      (!t.isCap && PAST_VERBS.has(t.lower)) ||
      SUBORDINATOR.test(t.lower) ||
      /^(as|despite|because)$/.test(t.lower) ||
      (/ly$/.test(t.lower) && !t.isCap) ||
      (/['’]s$/.test(t.lower) && /^(that|she|he|it|what|there|here|who)['’]s$/.test(t.lower))
    )
      return src;
  }
  return { ...src, from: start };
}
/** Speech verbs whose passive subject is the person spoken to ("Kondo was asked by Volcker what …")… */
const ADDRESSEE_VERBS = /^(asked|told|urged|informed|advised|warned|questioned|pressed|assured|reminded)$/;
/** …or the person quoted ("was quoted by Kyodo as saying …"). */
const QUOTED_VERBS = /^(quoted|cited)$/;

/**
 * "The data was confirmed by strategists", "These proposals have been applauded by critics, including ...": a
 * passive cue with its agent reports on its subject, and the agent is the source. The subject (the sentence's
 * opening noun phrase right before the verb group at `va`) is the content; null when the cue is no passive with "by".
 */
export function passiveByAgent(
  tokens: readonly Token[],
  va: number,
  b: number,
  body: string,
): { src: SourcePhrase | null; from: number; to: number; verb: string } | null {
  const verb = tokens[b]!;
  if (tokens[b + 1]?.lower !== 'by' || verb.isCap || !(/ed$/.test(verb.lower) || PAST_VERBS.has(verb.lower))) return null;
  // The subject of "was quoted by", "was cited by" is who spoke (another rule reads it), not what was said.
  if (QUOTED_VERBS.test(verb.lower)) return null;
  // (past adverbs between the auxiliary and the participle: "was first reported by", "has been widely praised by")
  let start = va;
  while (start > 0 && /ly$|^(first|also|later|once|long|since|never|not|been|being)$/.test(tokens[start - 1]!.lower)) start--;
  while (start > 0 && /^(is|was|are|were|been|be|being|has|have|had|will|would)$/.test(tokens[start - 1]!.lower)) start--;
  let be = false;
  // ("the question being discussed by ... is": a participle phrase inside a subject is no passive clause)
  for (let k = start; k < b; k++) if (/^(is|was|are|were|been|be)$/.test(tokens[k]!.lower)) be = true;
  if (!be) return null;
  const subject = phraseBefore(tokens, start, 0, body);
  if (!subject || PRONOUN_SUBJECT.test(tokens[subject.from]!.lower)) return null;
  // (the askers of "was asked by A and B what ..." are read one by one below, the first speaking)
  const agent = agentPhrase(tokens, b + 2, body, !ADDRESSEE_VERBS.test(verb.lower));
  if (!agent) return null;
  // The agent speaks, so the verb shown beside it is the active one: "Volcker (asked)", "the union (denounced)", not
  // "was asked", which reads as if the speaker had been asked. (Adverbs stay: "was first reported by" → "first reported".)
  const activeVerb = tokens
    .slice(start, b + 1)
    .filter((t) => !/^(is|was|are|were|been|be|being|has|have|had|will|would)$/.test(t.lower))
    .map((t) => t.text)
    .join(' ');
  if (ADDRESSEE_VERBS.test(verb.lower)) {
    // "Kondo was asked by Volcker what Japan could do": the agent speaks, to the subject; what follows is what was said.
    // (several askers, "by both Volcker and Sprinkel what …": what was said follows the last of them)
    let end = agent.end;
    for (let next; tokens[end]?.lower === 'and' && (next = phraseAfter(tokens, end + 1, tokens.length, body));) end = next.end;
    const last = lastContentIndex(tokens);
    return end <= last ? { src: agent, from: end, to: last, verb: activeVerb } : null;
  }
  return { src: agent, from: subject.from, to: subject.end - 1, verb: activeVerb };
}

/**
 * The agent of a passive cue ("was denounced by the national chairman of his party", "was welcomed by senior
 * Democratic and Republican lawmakers"). Unlike an inverted speaker ("said one analyst of the remarks", where
 * "of" is the verb's), no verb stands after the agent to take an "of" phrase, so an "of" phrase is the
 * agent's own complement, and "and" + a noun phrase coordinates a second part of the same source.
 */
function agentPhrase(tokens: readonly Token[], i: number, body: string, coordinate: boolean): SourcePhrase | null {
  let src = phraseAfter(tokens, i, tokens.length, body);
  for (let hops = 0; src && src.end === src.to && hops < 3; hops++) {
    const join = tokens[src.to];
    const next = tokens[src.to + 1];
    if (!join || !next?.isWord || !(join.lower === 'of' || (coordinate && join.lower === 'and'))) break;
    // (after "and" a verb opens a second predicate, not a second source: "was praised by X and said ...")
    if (
      join.lower === 'and' &&
      !next.isCap &&
      !DETERMINERS.has(next.lower) &&
      (FINITE.test(next.lower) || /ed$/.test(next.lower) || SPEECH_VERBS.has(next.lower) || PAST_VERBS.has(next.lower))
    )
      break;
    const more = beforeVerb(tokens, phraseAfter(tokens, src.to + 1, tokens.length, body));
    if (!more) break;
    src = { ...more, from: src.from };
  }
  return src;
}

const CIRCUMSTANCE_WORDS =
  /^(in|on|at|during|until|since|after|before|by|last|this|next|the|a|an|his|her|their|its|also|later|then|now|once|first|again|still|often|ago|year|years|week|month|morning|night|evening|afternoon|day|call|conference|interview|statement|speech|press|not|never|already|long|ever)$/;

/**
 * "McConnell, who in 2010 said ...", "analysts, who until recently regarded ...", "families, many of whom say ...":
 * a relative pronoun a few words of time or manner before the cue is its subject (as the story wrote it; the
 * resolver finds who it is), not the sentence's first noun phrase. Else null.
 */
export function relativeSubject(tokens: readonly Token[], cue: number): SourcePhrase | null {
  for (let k = cue - 1; k >= Math.max(0, cue - 8); k--) {
    const t = tokens[k]!;
    if (/^(who|which)$/.test(t.lower)) return { from: k, to: k + 1, end: k + 1, description: null };
    if (
      t.lower === 'whom' &&
      tokens[k - 1]?.lower === 'of' &&
      /^(many|most|all|some|both|none|several|each|one)$/.test(tokens[k - 2]?.lower ?? '')
    )
      return { from: k - 2, to: k + 1, end: k + 1, description: null };
    // (only circumstances may stand between: "in 2010", "until recently", ", on a press call Friday,"; not a
    // predicate of the pronoun's own, "which let him go in 2015, and said", "which Mr. Trump won, showed")
    const circumstance =
      t.isCap ||
      /^\d/.test(t.text) ||
      /ly$/.test(t.lower) ||
      (FINITE.test(t.lower) && t.text === t.lower) ||
      CIRCUMSTANCE_WORDS.test(t.lower) ||
      (!t.isWord && t.text === ',');
    if (!circumstance) return null;
  }
  return null;
}

/** A one-word "speaker" that is a verb form, an adverb or a particle ("pointed", "answering", "until", "publicly"). */
export function notASpeaker(tokens: readonly Token[], src: SourcePhrase): boolean {
  if (src.to - src.from !== 1 || src.end !== src.to) return false;
  const t = tokens[src.from]!;
  // "On September 27 they published", "Once he was president, Mr. Obama made", "who in 2010 said": a date, a year
  // or a sentence adverb standing alone is when or how, never who
  if (t.isWord && (LONE_ADVERBIAL.test(t.lower) || /^\d{4}$/.test(t.text))) return true;
  if (!t.isWord || t.isCap) return false;
  return (
    /(ed|ing|ly)$/.test(t.lower) ||
    PREPOSITION_START.test(t.lower) ||
    /^(until|more|less|away|toward|towards|beyond|short|out|up|down|off)$/.test(t.lower)
  );
}

const LONE_ADVERBIAL =
  /^(now|later|then|once|regardless|having|somehow|together|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)$/;
