/**
 * Where a reported quote's content ends when it is a cue's object rather than a clause: a noun-phrase object
 * ("criticised the plan"), a short object, a "that" clause that stops at a second finite verb, an object that is
 * itself the subject of a clause, and the adjuncts that may close it. `buildReported` asks these for cues
 * outside the core speech verbs; apart from `contentEnd`, which bounds a clause.
 */
import { DETERMINERS, MONTH, REPORTING_LEXICON, WEEKDAY } from './lexicon.js';
import { PAST_VERBS } from './noun-phrases.js';
import { clauseAt, finiteWithin } from './token-spans.js';
import type { Token } from './tokens.js';
import { CORE_SPEECH, FINITE, PRONOUN_SUBJECT } from './word-classes.js';

/** "approved a previously announced proposal", "brought two negotiated deals": a past participle cue that modifies the noun after it. */
export function participleInObject(tokens: readonly Token[], a: number): boolean {
  if (!/ed$/.test(tokens[a]!.lower)) return false;
  let k = a - 1;
  while (k > 0 && /ly$/.test(tokens[k]!.lower) && !tokens[k]!.isCap) k--;
  const t = tokens[k];
  return !!t && (DETERMINERS.has(t.lower) || /^\d/.test(t.text) || /^(two|three|four|five|several|some|many|no)$/.test(t.lower));
}

/**
 * "declined to endorse Trump", "refused to condemn the attack", "continued to criticize him": when a verb reports through
 * an infinitive of another reporting verb, that verb carries the attribution on and what it takes is the content
 * (the object of the chain, not the infinitive). The index where that object starts, else `from` unchanged.
 */
export function chainedCueObject(tokens: readonly Token[], b: number, from: number, last: number): number {
  if (from !== b + 1 || tokens[from]?.lower !== 'to') return from;
  const verb = tokens[from + 1];
  if (!verb?.isWord || verb.isCap || !JUDGING_VERBS.has(verb.lower)) return from;
  let k = from + 2;
  // ("to lash out at", "to speak about": the verb's particle goes with it)
  while (k <= last && /^(out|at|about|on|of|for|against)$/.test(tokens[k]!.lower) && k < from + 4) k++;
  const first = tokens[k];
  // an object noun phrase must follow (not a clause: "refused to say whether ...", "declined to comment")
  if (k > last || !first?.isWord || /^(that|whether|if|how|what|why|when|where|who)$/.test(first.lower)) return from;
  return k;
}
/** Base forms of the reporting lexicon's verbs of judging ("endorse", "condemn", "praise", "attack"). */
const JUDGING_VERBS: ReadonlySet<string> = new Set(REPORTING_LEXICON.judge.split(' '));

/**
 * "Trump has denied the charge.", "She endorsed Sanders.", "UBS declined to comment.": a verb's object of one
 * or two words is what it reports when the cue is a verb (a past form, a present one after its subject, a core
 * speech verb, or a base form after its auxiliary), the object follows it, and the words are no time ("published
 * Monday evening", "told the Post earlier this week") or manner. Nouns and adjectives ("requests for comment",
 * "supportive of") report too little alone.
 */
export function shortObject(tokens: readonly Token[], a: number, b: number, from: number, to: number): boolean {
  // (right after the verb or its particle: in "proposed for individuals", "wrote in 2014 for people" the words are circumstances)
  if (from !== b + 1 && !(from === b + 2 && /^(for|of|about|on|against)$/.test(tokens[b + 1]!.lower))) return false;
  const verb = tokens[b]!;
  // ("Reeves wrote, citing precedent": a participle clause is no object; "denied wrongdoing" is a noun)
  if (/ing$/.test(tokens[from]!.lower) && to > from) return false;
  const before = tokens[a - 1];
  const past = !verb.isCap && (/[^e]ed$|ied$/.test(verb.lower) || PAST_VERBS.has(verb.lower));
  const present =
    /[^s]s$/.test(verb.lower) &&
    !verb.isCap &&
    !!before &&
    (before.isCap || PRONOUN_SUBJECT.test(before.lower) || /ly$/.test(before.lower));
  // ("They said she could", "74 percent said yes": a core speech verb's short clause or answer)
  const core = CORE_SPEECH.test(verb.lower) && !verb.isCap;
  // ("did not identify a location", "will discuss the budget": a base form after its auxiliary)
  const afterAux =
    !verb.isCap &&
    /^(not|did|does|do|will|would|could|can|should|may|might|never|didn['’]t|doesn['’]t|won['’]t|can['’]t|wouldn['’]t)$/.test(
      tokens[b - 1]?.lower ?? '',
    );
  // ("..., citing safety concerns", "The union, citing safety concerns, refused": a participle clause set off by a comma)
  const participle = !verb.isCap && /ing$/.test(verb.lower) && a === b && tokens[a - 1]?.text === ',';
  if (!past && !present && !core && !afterAux && !participle) return false;
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (!t.isWord) return false;
    if (SHORT_TIME.test(t.lower) || WEEKDAY.test(t.lower) || MONTH.test(t.lower) || /ly$/.test(t.lower) || /^\d/.test(t.text)) return false;
  }
  return true;
}

const SHORT_TIME =
  /^(last|this|next|week|month|year|morning|evening|afternoon|night|today|yesterday|tonight|earlier|later|date|late|below|above|since|then|first|all|recently|again)$/;

/**
 * In the object of a noun cue that stands in its sentence's subject ("attacks on Curiel | are highly unusual"), the index
 * before the first finite verb that follows a word of the object and opens no clause of its own, else `to`.
 */
export function subjectObjectEnd(tokens: readonly Token[], from: number, to: number): number {
  for (let k = from + 1; k <= to; k++) {
    const t = tokens[k]!;
    // (a quotation, or a comma that may close an opening phrase, "From Morgan's point of view, the plan does ...": whole)
    if (!t.isWord) return to;
    if (t.text !== t.lower || !FINITE.test(t.lower)) continue;
    const p = tokens[k - 1]!;
    if (
      !p.isWord ||
      FINITE.test(p.lower) ||
      /^(and|or|but|that|which|who|whom|whose|not|to)$/.test(p.lower) ||
      PRONOUN_SUBJECT.test(p.lower)
    )
      return to;
    return k - 1;
  }
  return to;
}

/** In a "that" clause from `from` to `to`, the index before a second finite verb the clause does not join, else `to`. */
export function nounClauseEnd(tokens: readonly Token[], from: number, to: number): number {
  let verbs = 0;
  for (let k = from + 2; k <= to; k++) {
    const t = tokens[k]!;
    if (!t.isWord || t.text !== t.lower || !FINITE.test(t.lower)) continue;
    const p = tokens[k - 1]!;
    // (an auxiliary after another, "would have", or after a joint, "and was", "who is", is the same clause's)
    // (nor one after a pronoun, the subject of a clause of its own: "the process he was using")
    if (
      FINITE.test(p.lower) ||
      /^(and|or|but|that|which|who|not|also|never|still)$/.test(p.lower) ||
      PRONOUN_SUBJECT.test(p.lower) ||
      !p.isWord
    )
      continue;
    if (++verbs === 2) return k - 1;
  }
  return to;
}

/**
 * "has promoted a raft of unproven therapies and downplayed the risk", "has supported the bill, putting
 * him on both sides", "hasn't endorsed her or conceded": when what a verb outside the core speech verbs
 * reports is a noun phrase (no clause of its own), it ends where a second predicate of the same subject
 * begins or a participle clause comments on it. Else `to` as it was.
 */
export function objectEnd(tokens: readonly Token[], from: number, to: number): number {
  const first = tokens[from];
  // (a subject pronoun opens a clause: "it plans to redeem the debentures on June 8" is content whole)
  if (!first || !first.isWord || /^(that|to|whether|if|how|what|why|who|when|where|it|he|she|they|we|i)$/.test(first.lower)) return to;
  let marks = 0;
  let figure = /\d/.test(first.text);
  for (let k = from + 1; k <= to; k++) {
    const t = tokens[k]!;
    // "addressed the controversy when introducing Pence", "denouncing the bill as it was sailing through the Senate",
    // "voted for Obama in 2012 but will likely vote Trump": a subordinate clause or a second predicate after the
    // object is the writer's account of the circumstances, not what was reported
    if (marks % 2 === 0 && k > from && t.text === t.lower && objectClauseAt(tokens, k, to)) {
      let e = k - 1;
      // (with the clause go its commas and its degree adverb: "in 1981 shortly before ...", "just as ...")
      while (e > from && (tokens[e]!.text === ',' || /^(shortly|just|soon|long|even|only|right|well|immediately)$/.test(tokens[e]!.lower)))
        e--;
      return e;
    }
    // a clause ("the plan would fail", "its budget was cut") is content as a whole
    if (t.isWord && t.text === t.lower && (FINITE.test(t.lower) || t.lower === 'that')) return to;
    if (t.text === '"' || t.text === '“' || t.text === '”') marks++;
    // (never inside a quotation: `called Burma a "good news story in an era when ..."`)
    // (a trailing one only: "grilled Stumpf on Tuesday for his role in ..." goes on with what he was grilled for)
    // (nor after a figure: in "estimated M-1 at 5.03 billion dlrs in November" the month is what was estimated)
    if (/\d/.test(t.text)) figure = true;
    // ("endorsed Sen. Bernie Sanders during the primary": a name takes no "during" of its own, the verb does; "his
    // microphone problems during the debate" keep theirs)
    const afterName = !t.isCap && /^(during|throughout|in)$/.test(t.lower) && to - k <= TRAILING_ADJUNCT && namedFrom(tokens, from, k);
    if (marks % 2 === 0 && !figure && ((to - k <= TRAILING_ADJUNCT && adjunctAt(tokens, k, to)) || afterName)) {
      let e = k - 1;
      // ("on Tuesday", "last Friday", "earlier this month": the preposition or adverb goes with its time)
      if (WEEKDAY.test(t.lower) && /^(on|last|this|next)$/.test(tokens[e]?.lower ?? '')) e--;
      if (/^(earlier|later)$/.test(tokens[e]?.lower ?? '')) e--;
      while (e > from && tokens[e]!.text === ',') e--;
      // ("lower compared with yesterday", "the second half of this year": a time a preposition governs is its object)
      if (TIME_GOVERNOR.test(tokens[e]!.lower) && e === k - 1) continue;
      // (a one-word object is a name or a pronoun: "endorsed Canova in late May"; "is expected here on Friday" is no object)
      if (e > from || (e === from && (tokens[e]!.isCap || /^(him|her|them|it|us|me)$/.test(tokens[e]!.lower)))) return e;
    }
    const next = tokens[k + 1];
    if (!next || !next.isWord || next.isCap) continue;
    if (t.text === ',' && /ing$/.test(next.lower) && next.lower !== 'including' && k > from + 1) return k - 1;
    // ("received or sent", "praised and thanked": two participles of one phrase)
    const joined = /[^e]ed$/.test(tokens[k - 1]!.lower);
    if (!joined && (/^(and|or)$/.test(t.lower) || (t.text === ',' && /^(and|or)$/.test(next.lower)))) {
      // (the predicate may come with its auxiliary: "..., and has instructed surrogates to ...")
      let v = t.text === ',' ? k + 2 : k + 1;
      while (v <= to && /^(has|have|had|also|then|later|was|were)$/.test(tokens[v]!.lower)) v++;
      const verb = tokens[v];
      // (a predicate takes its object or complement: "and downplayed the risk", "or conceded his bid", "and attempted to";
      // in "its outlook and continued strong cash flow" the -ed word is an adjective)
      const after = tokens[v + 1];
      const predicate = !!after && (DETERMINERS.has(after.lower) || PREDICATE_NEXT.test(after.lower));
      if (
        verb &&
        v <= to &&
        verb.isWord &&
        !verb.isCap &&
        (/[^e]ed$|^\w+ied$/.test(verb.lower) || PAST_VERBS.has(verb.lower)) &&
        predicate &&
        k > from
      )
        return k - 1;
    }
  }
  return to;
}

/** Whether tokens [from, k) are a name alone: capitalised words (with their abbreviations' periods). */
function namedFrom(tokens: readonly Token[], from: number, k: number): boolean {
  if (k <= from) return false;
  for (let j = from; j < k; j++) {
    const w = tokens[j]!;
    if (w.isWord ? !w.isCap : w.text !== '.') return false;
  }
  return true;
}

/**
 * "endorsed Canova in late May", "called the KKK abhorrent in a tweet Sunday", "has touted his endorsement on
 * its Facebook page", "has supported European unity since the 1950s": when and where something was said is not what was said.
 * Whether an adjunct of time, occasion or medium starts at token `k` (no further than `to`).
 */
function adjunctAt(tokens: readonly Token[], k: number, to: number): boolean {
  const t = tokens[k]!;
  if (!t.isWord) return false;
  const next = tokens[k + 1];
  if (!t.isCap && /^(since|amid)$/.test(t.lower)) return true;
  if (WEEKDAY.test(t.lower) || (!t.isCap && /^(yesterday|today|tonight)$/.test(t.lower))) return true;
  if (
    !t.isCap &&
    /^(last|this|earlier|over)$/.test(t.lower) &&
    next &&
    /^(the|week|month|year|weekend|spring|summer|fall|winter)$/.test(next.lower)
  ) {
    // ("over the weekend" only: "over the plan" is an object's complement)
    return t.lower !== 'over' || tokens[k + 2]?.lower === 'weekend';
  }
  if (t.lower === 'as' && next?.lower === 'well' && k + 1 >= to) return true;
  if (t.isCap || !/^(in|on|at)$/.test(t.lower) || !next) return false;
  if (MONTH.test(next.lower) || /^\d{4}$/.test(next.text) || /^(late|early|mid)$/.test(next.lower)) return true;
  // "in a tweet", "in an email to supporters", "on its Facebook page", "in his book"
  for (let m = k + 1; m <= Math.min(to, k + 4); m++) {
    const w = tokens[m]!;
    if (!w.isWord) return false;
    if (MEDIUM.test(w.lower)) return true;
  }
  return false;
}

/**
 * Whether a subordinate clause ("when introducing Pence", "as she hurries", "because the bill ...") or a second
 * predicate joined by "but" ("but will likely vote", "and has since left") starts at token `k`, after a noun phrase.
 */
function objectClauseAt(tokens: readonly Token[], k: number, to: number): boolean {
  const t = tokens[k]!;
  const next = tokens[k + 1];
  if (!next?.isWord || k + 1 > to) return false;
  // ("at a time when ...", "as long as ...": a relative adverb after a noun of time, or a compound conjunction, is the phrase's own)
  const prev = tokens[k - 1]?.lower ?? '';
  if (
    !/^(and|but)$/.test(t.lower) &&
    /^(time|times|day|days|moment|point|period|year|years|week|month|era|age|long|well|soon|much|far|such|so)$/.test(prev)
  )
    return false;
  const subject = /^(he|she|it|they|we|i)$/.test(next.lower);
  if (/^(when|while|because|although|though|whereas|unless)$/.test(t.lower)) return !(t.lower === 'because' && next.lower === 'of');
  // ("described the agreement as an arrangement aimed at ...": "as" with a noun phrase is the object's complement;
  // only a subject with a finite verb makes it a clause)
  if (t.lower === 'as') return subject || (DETERMINERS.has(next.lower) && finiteWithin(tokens, k + 2, Math.min(to, k + 6)));
  if (/^(after|before|until|once)$/.test(t.lower))
    return subject || (/ing$/.test(next.lower) && !next.isCap) || (DETERMINERS.has(next.lower) && clauseAt(tokens, k + 1, to));
  if (/^(but|and)$/.test(t.lower)) {
    let v = k + 1;
    while (v <= to && /ly$|^(since|then|also|later|still|never|now)$/.test(tokens[v]!.lower)) v++;
    const verb = tokens[v];
    if (!verb?.isWord || verb.isCap) return false;
    // ("but will likely vote", "and has since left", "and repeatedly says")
    return (
      /^(will|would|has|have|had|can|could|should|may|might|must|did|does|is|was|are|were)$/.test(verb.lower) ||
      (v > k + 1 && /[^s]s$/.test(verb.lower))
    );
  }
  return false;
}

const TRAILING_ADJUNCT = 8;
const PREDICATE_NEXT = /^(to|the|a|an|his|her|their|its|him|them|it|that|this|these|those|by|on|in|with|for|from|at|as|out|up|off|down)$/;
const MEDIUM =
  /^(tweets?|statements?|interviews?|e-?mails?|speech|speeches|letters?|book|op-ed|posts?|facebook|twitter|instagram|page|diatribe|exchange|appearance|broadcast|radio|television|tv|conference|hearing|memo|remarks|show|press)$/;

const CLAUSE_OPENERS =
  /^(and|but|or|nor|then|so|also|yet|because|while|when|whenever|if|as|that|who|which|where|whom|although|though|since|until|unless|after|before|once|how|why|what|even|now|still|instead|meanwhile|however|and|not|only|just|later|earlier|again|often|never|already|recently|today|yesterday|tonight|reportedly|apparently|clearly|indeed)$/;

/** Whether the noun phrase starting at `from` follows a lower-case verb or preposition (is its object). */
export function objectPosition(tokens: readonly Token[], from: number): boolean {
  const p = tokens[from - 1];
  return !!p && p.isWord && !p.isCap && !CLAUSE_OPENERS.test(p.lower) && !/ly$/.test(p.lower);
}
const TIME_GOVERNOR = /^(of|for|from|with|than|until|till|by|to)$/;
