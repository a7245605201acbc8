/**
 * Clauses fronted before or inserted into a report that change where its content or speaker lies: a
 * sentence-opening participle phrase, "As Reuters reported, ...", "Asked (by X) whether ..., Y said", "Although
 * ...," and other fronted adverbials, an inserted "according to", and the framing phrases after a cue ("said in
 * a statement on Monday that"). Each answers one narrow question for `buildReported`; together they are the
 * sentence-shape rules, kept apart from the main flow of building a report.
 */
import { attributionTailComma, hearerEnd } from './attribution-tails.js';
import { DETERMINERS, MONTH, OPENING_PREPOSITION, SPEECH_VERBS, WEEKDAY } from './lexicon.js';
import { PAST_VERBS, phraseAfter, phraseBefore, type SourcePhrase } from './noun-phrases.js';
import { clauseAt, closesSentence, datelineEnd, figureComma, findIndex, hasVerb, lastContentIndex } from './token-spans.js';
import type { Token } from './tokens.js';
import { FINITE, FRAMING_START, isAdverb, isPossessive, PREPOSITION_START, PRONOUN_SUBJECT, SUBORDINATOR } from './word-classes.js';

/** Words that may lead a sentence-opening participle phrase before its participle ("Having promised", "After denying"). */
const PARTICIPLE_LEAD = /^(having|after|before|while|when|by|not|also|again|once|then|in|on|upon|without)$/;

/**
 * "Citing weak demand in Europe, the company cut its forecast.", "Worried about prices, the bank raised rates.": a cue
 * at tokens [a, b] in a participle phrase that opens the sentence. The comma that closes the phrase (the first, outside
 * quotation marks and before `to`, that a clause with a subject and a verb follows) and that clause's subject; else null.
 */
export function openingPhrase(
  tokens: readonly Token[],
  a: number,
  b: number,
  to: number,
  body: string,
): { comma: number; subject: SourcePhrase | null } | null {
  const s = datelineEnd(tokens);
  if (a - s > 2 || tokens.slice(s, b + 1).some((t) => /^(according|asked)$/.test(t.lower))) return null;
  const participle = (t: Token): boolean => t.isWord && /^[a-z]{3,}(ing|ed)$/.test(t.lower);
  // the cue is the participle ("Citing", "Having promised", "After denying"), or a preposition after one ("Worried
  // about"); a capitalised word in -ing before the cue is a name ("Sterling said")
  const cueParticiple = tokens.slice(a, b + 1).some(participle);
  for (let k = s; k < a; k++) {
    const t = tokens[k]!;
    const lead = PARTICIPLE_LEAD.test(t.lower) || isAdverb(t) || (k === a - 1 && /ed$/.test(t.lower) && participle(t) && !cueParticiple);
    if (!t.isWord || (k > s && t.isCap) || !lead) return null;
  }
  if (!cueParticiple && !(a > s && participle(tokens[a - 1]!) && /^(about|over|of|by|with|at)$/.test(tokens[a]!.lower))) return null;
  let marks = 0;
  // (a that-clause's own fronted adverbial is no end of the phrase: "Noting that in the case of long bonds, dealers have ...")
  let that = -1;
  for (let k = b + 1; k <= to; k++) {
    const t = tokens[k]!;
    if (/^["“”]$/.test(t.text)) marks++;
    // (nor a figure's thousands: "500,000")
    if (t.text === ',' && figureComma(tokens, k)) continue;
    if (t.lower === 'that') that = k;
    if (that >= 0 && t.text === ',' && !hasVerb(tokens, that + 1, k - 1) && !tokens.slice(that + 1, k).some((w) => PAST_VERBS.has(w.text)))
      continue;
    // (a comma may close the phrase inside its closing quotation mark: `Arguing that "oil is a tool," Pitts called ...`)
    const closing = /^["”]$/.test(tokens[k + 1]?.text ?? '') && marks % 2 === 1;
    if (t.text !== ',' || (marks % 2 === 1 && !closing)) continue;
    const from = closing ? k + 2 : k + 1;
    const first = tokens[from];
    if (!first?.isWord || isAdverb(first) || WEEKDAY.test(first.lower) || /^(today|yesterday|now|also|then|however)$/.test(first.lower))
      continue;
    // the clause's verb, and the subject that runs from the comma to it ("the embattled company cut": past an adjective)
    for (let v = from + 1; v < Math.min(tokens.length, from + 13); v++) {
      const w = tokens[v]!;
      if (
        !w.isWord ||
        w.isCap ||
        !(FINITE.test(w.lower) || PAST_VERBS.has(w.lower) || SPEECH_VERBS.has(w.lower) || /^[a-z]+ed$/.test(w.lower))
      )
        continue;
      const subject = phraseBefore(tokens, v, from, body);
      if (subject && subject.from === from && !DETERMINERS.has(tokens[subject.to - 1]!.lower)) return { comma: k, subject };
    }
  }
  return null;
}

/**
 * Whether the "as" clause whose verb is at `b` ("..., as the Times reported on Tuesday") closes the sentence or is
 * followed by a clause of its own (", and he will ..."), rather than interrupting the clause it attributes.
 */
export function asClauseCloses(tokens: readonly Token[], b: number, last: number): boolean {
  const tail = hearerEnd(tokens, b) + 1;
  const comma = tokens[tail]?.text === ',' ? tail : attributionTailComma(tokens, tail);
  if (comma < 0) return closesSentence(tokens, tail, last);
  return /^(and|but|while|whereas|although|though|yet|so)$/.test(tokens[comma + 1]?.lower ?? '');
}

/** Core speech verbs a fronted "as" clause attributes with ("As Reuters reported, ..."). */
const AS_REPORTER = /^(said|says|reported|reports|wrote|writes|noted|notes|told|tells|announced|explained|stated|put)$/;

/**
 * "As Reuters reported last week, investigators found ...", "As reported by Western Journalism, ...", "And as the
 * minister said on Monday, ...": a fronted "as" clause of a core speech verb attributes the main clause after its
 * comma to its subject (or to the agent of "as reported by"). Null for any other cue at [a, b].
 */
export function frontedAs(
  tokens: readonly Token[],
  a: number,
  b: number,
  body: string,
): { src: SourcePhrase | null; from: number; to: number } | null {
  if (a !== b || !AS_REPORTER.test(tokens[a]!.lower)) return null;
  // the "as" opens the sentence, or follows a conjunction or a sentence adverb that does ("And as", "Still, as")
  let asAt = 0;
  if (/^(and|but|so|still|yet|now)$/.test(tokens[0]?.lower ?? '')) asAt = tokens[1]?.text === ',' ? 2 : 1;
  if (tokens[asAt]?.lower !== 'as' || a <= asAt) return null;
  const last = lastContentIndex(tokens);
  let src: SourcePhrase | null;
  let comma: number;
  if (a === asAt + 1) {
    // "As reported by X, ...": the agent, up to the comma
    if (tokens[b + 1]?.lower !== 'by') return null;
    comma = findIndex(tokens, b + 2, (t) => t.text === ',', Math.min(last, b + 12));
    src = comma > b + 2 ? phraseAfter(tokens, b + 2, comma, body) : null;
    if (!src) return null;
  } else {
    src = phraseBefore(tokens, a, asAt + 1, body);
    if (!src || src.from !== asAt + 1 || src.end !== a) return null;
    // ("As he told reporters on Monday, ...": the hearer and the time belong to the clause)
    comma = tokens[b + 1]?.text === ',' ? b + 1 : attributionTailComma(tokens, hearerEnd(tokens, b) + 1);
  }
  if (comma < 0 || last - comma < 3) return null;
  return { src, from: comma + 1, to: last };
}

const QUESTION_WORD = /^(whether|if|how|what|which|why|who|whom|when|where|about|to)$/;

/** The last token of a fronted question (`askedClause`, up to its comma) when the sentence opens with one, else -1. */
export function askedQuestionEnd(tokens: readonly Token[], body: string): number {
  const asked = askedOpenerAt(tokens, datelineEnd(tokens));
  return asked < 0 ? -1 : (askedClause(tokens, asked, asked, body)?.to ?? -1);
}

/** The token of "asked" when a fronted "Asked ..." or "When (if, once) asked ..." opens the sentence at `start`, else -1. */
export function askedOpenerAt(tokens: readonly Token[], start: number): number {
  if (tokens[start]?.lower === 'asked') return start;
  return /^(when|if|once)$/.test(tokens[start]?.lower ?? '') && tokens[start + 1]?.lower === 'asked' ? start + 1 : -1;
}

/**
 * Whether the subject at token `subject` answers a fronted "Asked ..." clause: the sentence opens with one and a plain
 * comma (not a quotation's close) leads into the subject.
 */
export function askedBefore(tokens: readonly Token[], subject: number): boolean {
  const asked = askedOpenerAt(tokens, datelineEnd(tokens));
  if (asked < 0 || subject <= asked + 2 || tokens[subject - 1]!.text !== ',') return false;
  // (not when a clause of the speaker's own follows the question before the subject: "If asked to do so again, then we
  // would consider it, Arrivillaga said")
  for (let k = asked + 1; k < subject - 1; k++)
    if (tokens[k]!.text === ',' && /^(then|we|i|he|she|they|it|you)$/.test(tokens[k + 1]?.lower ?? '')) return false;
  return true;
}

/** The question of a fronted "Asked (by X) whether/about ...," clause at cue tokens [a, b], else null. */
export function askedClause(
  tokens: readonly Token[],
  a: number,
  b: number,
  body: string,
): { src: SourcePhrase | null; from: number; to: number } | null {
  // (the cue may have run on into the question: "Asked by reporters whether" scores as one cue)
  if (tokens[a]!.lower !== 'asked' || b < a || !tokens.slice(0, a).every((t) => /^(when|and|but|,)$/.test(t.lower))) return null;
  let from = a + 1;
  let src: SourcePhrase | null = null;
  const question = findIndex(tokens, from, (t) => QUESTION_WORD.test(t.lower), from + 10);
  if (tokens[from]?.lower === 'by' && question > from + 1) {
    src = phraseAfter(tokens, from + 1, question, body, false);
    // ("When asked by Ingraham on Thursday about ...": when or where the asker asked goes between)
    const circumstance = (k: number): boolean =>
      question - k <= 4 &&
      /^(on|in|at|during|last|earlier|later|this)$/.test(tokens[k]!.lower) &&
      tokens.slice(k, question).every((t) => t.isWord);
    if (!src || (src.end !== question && !circumstance(src.end))) return null;
    from = question;
  }
  // ("Asked earlier today if ...", "Asked in a television interview what ...": when and where it was asked go before it)
  else if (
    question > from &&
    question <= from + 6 &&
    /^(on|in|at|during|last|earlier|later|this|recently|today|yesterday|again|repeatedly|also)$/.test(tokens[from]?.lower ?? '') &&
    tokens.slice(from, question).every((t) => t.isWord && !SPEECH_VERBS.has(t.lower))
  )
    from = question;
  if (!QUESTION_WORD.test(tokens[from]?.lower ?? '')) return null;
  const comma = findIndex(tokens, from + 1, (t) => t.text === ',');
  return comma > from + 1 ? { src, from, to: comma - 1 } : null;
}

/**
 * "Although the vote was close, the motion passed, the clerk said.": content that comes before its attribution
 * starts after a fronted concessive clause (up to its comma), the writer's framing of the statement. A condition
 * ("If elected, she would ...") is part of what is stated and stays. The first content index, else 0.
 */
export function frontedClauseEnd(tokens: readonly Token[], to: number): number {
  const start = datelineEnd(tokens);
  if (!FRONTED_CLAUSE.test(tokens[start]?.lower ?? '')) return 0;
  const comma = findIndex(tokens, start + 2, (t) => t.text === ',', to);
  if (comma < 0) return 0;
  let words = 0;
  for (let k = comma + 1; k <= to; k++) if (tokens[k]!.isWord) words++;
  return words >= 3 ? comma + 1 : 0;
}

/**
 * "Republicans denounced the deal, which would cut its tax rate, according to company leaders", "He met Trump that
 * day, and he will help prepare him, according to aides": what "according to" vouches for is the last clause when
 * a relative clause or a coordinated clause with its own subject closes the sentence before it (for "..., X said"
 * the gold keeps the whole sentence). Its first index, else 0.
 */
export function lastClauseStart(tokens: readonly Token[], to: number): number {
  for (let k = to - 3; k > 2; k--) {
    const t = tokens[k]!;
    if (/^["“”]$/.test(t.text)) return 0;
    if (t.text !== ',') continue;
    const next = tokens[k + 1]!;
    const subject = tokens[k + 2];
    if (/^(which|who)$/.test(next.lower)) return k + 1;
    if (/^(and|but)$/.test(next.lower) && subject && PRONOUN_SUBJECT.test(subject.lower) && !/^(that|which|who)$/.test(subject.lower))
      return k + 2;
    return 0;
  }
  return 0;
}

const FRONTED_CLAUSE = /^(although|though|whereas|while|despite)$/;

/**
 * "Once the vote was counted, the mayor said the market would close", "At a rally on Monday, Rubio said
 * Trump is unelectable": what stands before the speaker's comma is an adverbial (a subordinate clause or
 * a prepositional phrase), not content, when a clause of its own follows the cue.
 */
export function frontedAdverbial(tokens: readonly Token[], srcFrom: number, cue: number, last: number): boolean {
  const lead = datelineEnd(tokens);
  const first = tokens[lead];
  // ("Last month, 26 percent said the same.", "Yesterday, the ministry said so": a time alone before the comma is
  // never what was said, however short the words after the verb)
  if (tokens[srcFrom - 1]?.text === ',' && timePhraseSpans(tokens, lead, srcFrom - 1)) return true;
  // ("Despite warnings by analysts that demand was weak, the company said it would reopen": "despite" and "amid"
  // open an adverbial as "in" and "after" do)
  // ("Outside City Hall on Friday, families of the victims urged ...": any preposition of place or time opens one)
  if (
    !first ||
    !(
      SUBORDINATOR.test(first.lower) ||
      PREPOSITION_START.test(first.lower) ||
      OPENING_PREPOSITION.has(first.lower) ||
      /^(outside|inside|near|behind|beyond|following|throughout|across|around|upon|within|ahead)$/.test(first.lower)
    )
  )
    return false;
  // (one comma only, "In all, hackers compromised the files, the report said" is content after its adverbial;
  // more when no verb stands before the speaker: "In her 2003 book, Living History, Clinton noted ...")
  let commas = 0;
  let verb = false;
  for (let k = 0; k < srcFrom - 1; k++) {
    const t = tokens[k]!;
    if (t.text === ',') commas++;
    if (
      t.isWord &&
      t.text === t.lower &&
      (FINITE.test(t.lower) || PAST_VERBS.has(t.lower) || /[^e]ed$/.test(t.lower) || SPEECH_VERBS.has(t.lower))
    )
      verb = true;
  }
  if (commas > 0 && verb) return false;
  if (last - cue < 3 || closesSentence(tokens, cue + 1, last)) return false;
  return true;
}

/**
 * Whether "according to X" at token `a` is inserted after a fronted phrase that is no clause ("Since last
 * November, according to X, forces have killed ...") and before the clause, `srcEnd` being where X ends.
 */
export function insertedAccording(tokens: readonly Token[], a: number, srcEnd: number, last: number): boolean {
  if (tokens[a - 1]?.text !== ',' || a - 1 > 8 || tokens[srcEnd]?.text !== ',') return false;
  for (let k = 0; k < a - 1; k++) {
    const t = tokens[k]!;
    if (t.text === ',' || (t.text === t.lower && (FINITE.test(t.lower) || PAST_VERBS.has(t.lower) || /[^e]ed$/.test(t.lower))))
      return false;
  }
  // ("The deal, according to officials, is close": a short predicate is a clause too)
  return last - srcEnd >= 2 && hasVerb(tokens, srcEnd + 1, last);
}

/** Whether tokens [from, to) are a time and nothing else: "last month", "yesterday", "on Monday", "earlier this year". */
function timePhraseSpans(tokens: readonly Token[], from: number, to: number): boolean {
  const w = (k: number): string => (k < to ? (tokens[k]?.lower ?? '') : '');
  let k = from;
  if (/^(earlier|later|late|early)$/.test(w(k)) && /^(this|last|next|on)$/.test(w(k + 1))) k++;
  if (w(k) === 'on' && WEEKDAY.test(w(k + 1))) k += 2;
  else if (/^(yesterday|today|tonight)$/.test(w(k)) || WEEKDAY.test(w(k))) k += 1;
  else if (
    /^(this|last|next)$/.test(w(k)) &&
    /^(week|weekend|month|year|morning|afternoon|evening|spring|summer|fall|autumn|winter|quarter)$/.test(w(k + 1))
  )
    k += 2;
  else return false;
  return k === to;
}

/**
 * "X said in a statement on Monday that ...", "told reporters at a rally in Ohio that ...": the
 * circumstances between the cue and its "that" are not content. The index of that "that", else -1.
 */
export function framingPhraseEnd(tokens: readonly Token[], i: number, last: number): number {
  if (!FRAMING_START.test(tokens[i]?.lower ?? '')) return -1;
  for (let k = i + 1; k <= Math.min(last, i + 16); k++) {
    const t = tokens[k]!;
    if (t.lower === 'that') return k;
    if (!t.isWord && t.text !== ',' && t.text !== '.' && t.text !== '-') return -1;
    if (FINITE.test(t.lower) || SPEECH_VERBS.has(t.lower)) return -1;
  }
  return -1;
}

/**
 * "this weekend", "last week", "on Monday", "yesterday" at token `i`: the index after that time phrase when a clause
 * of a few words follows it, else `i`.
 */
export function timeAdjunctEnd(tokens: readonly Token[], i: number, last: number): number {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!t || !t.isWord || !next) return i;
  let end = i;
  // ("earlier this month", "late on Tuesday": the same times with their degree word)
  if (/^(earlier|later|late|early)$/.test(t.lower) && /^(this|last|next|on)$/.test(next.lower)) {
    const inner = timeAdjunctEnd(tokens, i + 1, last);
    return inner > i + 1 ? inner : i;
  }
  if (/^(this|last|next|earlier|later)$/.test(t.lower) && /^(week|weekend|month|year|morning|afternoon|evening)$/.test(next.lower))
    end = i + 2;
  else if (/^(yesterday|today|tonight)$/.test(t.lower) || WEEKDAY.test(t.lower)) end = i + 1;
  else if (t.lower === 'on' && WEEKDAY.test(next.lower)) end = i + 2;
  // ("said Sunday night's matchup felt like ...": a time that goes on into a possessive opens the noun phrase it dates)
  const after = tokens[end];
  if (after && !after.isCap && (isPossessive(after) || /^(night|morning|evening|afternoon)$/.test(after.lower))) return i;
  return end > i && last - end >= 3 ? end : i;
}

/**
 * "said after the convention he would ...", "said on Sunday the United States would ...", "said in an interview the
 * dollar had fallen enough", "said Tuesday the plant would close": with no "that", the circumstances after a core
 * speech verb end where the subject of a clause begins (a pronoun, or a noun phrase after the frame's own noun)
 * and a verb of that clause follows. The index of that subject, else -1.
 */
export function framedClause(tokens: readonly Token[], i: number, last: number): number {
  const first = tokens[i];
  if (!first?.isWord) return -1;
  // a bare time ("Tuesday", "last week", "yesterday") is a frame of its own
  const time = timeAdjunctEnd(tokens, i, last);
  if (time > i) {
    const t = tokens[time]!;
    const subject = t.isWord && (t.isCap || DETERMINERS.has(t.lower) || /^(he|she|they|we|it|i)$/.test(t.lower));
    return subject && clauseAt(tokens, time, last) ? time : -1;
  }
  if (!FRAMING_START.test(first.lower) || /^(to|with|from|via|through)$/.test(first.lower)) return -1;
  for (let k = i + 1; k <= Math.min(last - 1, i + 10); k++) {
    const t = tokens[k]!;
    // (an abbreviation's period inside the frame: "in Portsmouth, N.H.")
    // ("did not say at what level ...": an embedded question is no frame; "at the time the shelf is issued": nor is a
    // noun of time with its relative clause)
    if (!t.isWord || FINITE.test(t.lower) || SPEECH_VERBS.has(t.lower) || /^(that|what|which|whether|how|when|where|who)$/.test(t.lower))
      return -1;
    const p = tokens[k - 1]!;
    if (/^(time|times|day|days|moment|point|way|year|week|month)$/.test(p.lower)) continue;
    const pronoun = /^(he|she|they|we|it|i)$/.test(t.lower);
    // a determiner or a name opens a new noun phrase only after the frame's own noun ("in a statement the", "on Sunday the")
    const afterNoun = p.isWord && !PREPOSITION_START.test(p.lower) && !DETERMINERS.has(p.lower) && !FRAMING_START.test(p.lower);
    const opens =
      pronoun || (afterNoun && (DETERMINERS.has(t.lower) || (t.isCap && !p.isCap && !WEEKDAY.test(t.lower) && !MONTH.test(t.lower))));
    if (opens && clauseAt(tokens, k, last)) return k;
  }
  return -1;
}
