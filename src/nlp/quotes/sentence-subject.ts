/**
 * The speaker a sentence opens with: its subject past any dateline, opening adverbial or clause, with an "of"
 * phrase kept on and a verb left off. Both a direct quote's attribution before the quotation ("X said: ...") and
 * reported speech fall back to it, so it is its own module rather than part of either.
 */
import type { Sentence, Span } from '../types.js';
import { DETERMINERS, NON_NAME_CAPS, SPEECH_VERBS } from './lexicon.js';
import { PAST_VERBS, phraseAfter, phraseSpan, type SourcePhrase } from './noun-phrases.js';
import type { RawQuote } from './resolve-speakers.js';
import { datelineEnd, findIndex } from './token-spans.js';
import type { Token } from './tokens.js';
import { FINITE, nounLike, PREPOSITION_START, SUBJECT_PRONOUN } from './word-classes.js';

/**
 * "A group of doctors", "the head of the union": a subject's "of" phrase is its own (phraseAfter leaves it out, for
 * the inverted "said one analyst of the remarks", where the verb takes it). Up to three hops.
 */
function withOfPhrase(tokens: readonly Token[], src: SourcePhrase, body: string): SourcePhrase {
  let out = src;
  for (let hops = 0; out.end === out.to && tokens[out.to]?.lower === 'of' && tokens[out.to + 1]?.isWord && hops < 3; hops++) {
    const more = beforeVerb(tokens, phraseAfter(tokens, out.to + 1, tokens.length, body));
    if (!more) break;
    out = { ...more, from: out.from };
  }
  return out;
}

/**
 * A noun phrase cut before the first lower-case verb form among its words ("nurses walked out of" → "nurses"), null when
 * it opens with one: phraseAfter lets a verb through as a phrase's second word, where it is after a name.
 */
export function beforeVerb(tokens: readonly Token[], src: SourcePhrase | null): SourcePhrase | null {
  if (!src) return null;
  for (let k = src.from; k < src.to; k++) {
    const t = tokens[k]!;
    if (t.isWord && !t.isCap && (/[^e]ed$/.test(t.lower) || PAST_VERBS.has(t.lower) || FINITE.test(t.lower) || SPEECH_VERBS.has(t.lower)))
      return k > src.from ? { from: src.from, to: k, end: k, description: null } : null;
  }
  return src;
}

/**
 * The speaker a sentence is about, for a cue with no subject of its own: the speaker of a direct quote
 * attributed in the same sentence, else the sentence's opening noun phrase.
 */
export function sentenceSpeaker(
  body: string,
  tokens: readonly Token[],
  direct: readonly RawQuote[],
  s: Sentence,
): { mention: Span; name: Span; description: string | null } | null {
  const inSentence = direct.find((d) => d.mention && d.mention.start >= s.start && d.mention.end <= s.end);
  if (inSentence?.mention)
    return { mention: inSentence.mention, name: inSentence.name ?? inSentence.mention, description: inSentence.description };
  let i = datelineEnd(tokens);
  // past "But", "Recently, however,": openers are not the subject
  // (a pronoun subject is the speaker: "He praised X and said ...")
  while (
    i < tokens.length &&
    ((NON_NAME_CAPS.has(tokens[i]!.lower) && !DETERMINERS.has(tokens[i]!.lower) && !SUBJECT_PRONOUN.test(tokens[i]!.text)) ||
      tokens[i]!.text === ',')
  )
    i++;
  // "At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders ...", "Citing last week's attack as ..., Will urged",
  // "Ahead of the primary, Clinton met": past an opening adverbial or participle clause, to the subject after its comma
  const opener = tokens[i - 1];
  const t0 = tokens[i];
  const adverbial =
    (!!opener &&
      /^(over|in|on|at|after|during|since|for|by|from|with|under|before|last|this|earlier|ahead|besides|once|perhaps)$/.test(
        opener.lower,
      )) ||
    // (an opening participle opens the sentence: after "Earlier Wednesday," a name ending so is the subject, "Schilling")
    (!!t0 && t0.isCap && /^[A-Z][a-z]+(ing|ed)$/.test(t0.text) && !DETERMINERS.has(t0.lower) && i === datelineEnd(tokens));
  if (adverbial) {
    // (a verb before the comma means the subject came first: "Over the weekend Baker had criticised X, ...")
    const comma = findIndex(
      tokens,
      i,
      (t) => t.text === ',' || /^[.;:"“”]$/.test(t.text) || FINITE.test(t.text) || SPEECH_VERBS.has(t.text),
      i + 30,
    );
    let after = comma >= 0 && tokens[comma]!.text === ',' ? comma + 1 : -1;
    // (a place's state after its comma: "in Portsmouth, N.H., on Tuesday, ...")
    while (after > 0 && after < tokens.length && !tokens[after]!.isWord) after++;
    for (let hops = 0; after > 0 && hops < 3; hops++) {
      const t = tokens[after];
      if (!t || !t.isWord) break;
      const next = findIndex(tokens, after, (x) => x.text === ',', after + 4);
      // a short capitalised run closed by a comma is the state of the place before ("N.H.,") or a time ("on Tuesday,")
      const short =
        next > 0 && (/^(on|in|at|last|this)$/.test(t.lower) || (t.isCap && next - after <= 2 && /\.$/.test(tokens[next - 1]!.text)));
      if (!short) break;
      after = next + 1;
    }
    if (
      after > 0 &&
      tokens[after] &&
      (tokens[after]!.isCap || DETERMINERS.has(tokens[after]!.lower) || SUBJECT_PRONOUN.test(tokens[after]!.text))
    )
      i = after;
    else if (opener && !/^(ahead|besides|once|perhaps)$/.test(opener.lower) && !(t0?.isCap && /(ing|ed)$/.test(t0.lower))) {
      // "Over the weekend Baker had criticised ...": no comma, the subject right after the adverbial
      let k = i;
      while (k < Math.min(tokens.length, i + 8) && tokens[k]!.isWord && !tokens[k]!.isCap) k++;
      if (tokens[k]?.isCap) i = k;
    } else return null;
  }
  const first = tokens[i];
  // ("But she called ...", "And in 2011, he all but accused ...": a pronoun is the subject too)
  let np =
    !first || !first.isWord || (!first.isCap && !DETERMINERS.has(first.lower) && !SUBJECT_PRONOUN.test(first.text))
      ? null
      : phraseAfter(tokens, i, tokens.length, body);
  if (!np) {
    // "During Tuesday night's debate, Cruz made ..., calling", "Recently, however, it issued ...": past an opening
    // phrase of any length, the subject after its comma
    const after = subjectAfterOpener(tokens, datelineEnd(tokens));
    if (after >= 0) np = phraseAfter(tokens, after, tokens.length, body);
  }
  if (!np) return null;
  // ("A group of doctors sent a letter ..., calling": no verb stands before the subject to take its "of" phrase)
  np = withOfPhrase(tokens, np, body);
  // "Mr. Butterfield and Mr. Clyburn met ..., saying": the subject is both
  const second = tokens[np.end]?.lower === 'and' && np.end === np.to ? tokens[np.end + 1] : undefined;
  if (second && second.isWord && (second.isCap || DETERMINERS.has(second.lower)) && !NON_NAME_CAPS.has(second.lower)) {
    const np2 = phraseAfter(tokens, np.end + 1, tokens.length, body, false);
    const verb = np2 ? tokens[np2.end] : undefined;
    if (np2 && verb?.isWord && !verb.isCap) {
      const both = { start: tokens[np.from]!.start, end: tokens[np2.end - 1]!.end };
      return { mention: both, name: both, description: null };
    }
  }
  return { mention: phraseSpan(tokens, np), name: phraseSpan(tokens, np, true), description: np.description };
}

/**
 * The index of the subject after a sentence-opening phrase ("During the debate,", "Earlier Wednesday,", "To wit,",
 * "Recently, however,") that starts at `start` with a preposition, a time adverb or a subordinator: the first word
 * after the phrase's comma when it can open a noun phrase; else -1.
 */
function subjectAfterOpener(tokens: readonly Token[], start: number, afterFocus = false): number {
  // ("Even as regulators were digging ..., Mr. Sloan ...", "Just before the vote, ...": a focus adverb before the opener)
  if (
    !afterFocus &&
    tokens[start]?.isCap &&
    /^(even|just|only)$/.test(tokens[start].lower) &&
    SENTENCE_OPENER.test(tokens[start + 1]?.lower ?? '')
  )
    return subjectAfterOpener(tokens, start + 1, true);
  // (not "Asked about X, Smith said": who was asked is not who asked)
  const first = tokens[start];
  if (!first || !(first.isCap || afterFocus) || !SENTENCE_OPENER.test(first.lower)) return -1;
  for (let k = start + 1; k < Math.min(tokens.length - 1, start + 14); k++) {
    const t = tokens[k]!;
    // ("When asked whom she supported, Ms. Sherry said ...": who was asked answers, and is the subject after the comma)
    const askedOpener = k === start + 1 && t.lower === 'asked';
    if (/^[.;:!?"“”]$/.test(t.text) || (SPEECH_VERBS.has(t.lower) && !askedOpener)) return -1;
    if (t.text !== ',') continue;
    let next = k + 1;
    if (/^(however|though|too|meanwhile|instead)$/.test(tokens[next]!.lower) && tokens[next + 1]?.text === ',') next += 2;
    const s = tokens[next];
    if (!s?.isWord) return -1;
    // ("Before dropping out, chief rival Ted Cruz responded ...": a lower-case title before a name opens the subject too)
    const titled = !s.isCap && nounLike(s) && !PREPOSITION_START.test(s.lower) && capitalSoon(tokens, next + 1);
    return (s.isCap && !NON_NAME_CAPS.has(s.lower)) || DETERMINERS.has(s.lower) || /^(he|she|it|they|we)$/.test(s.lower) || titled
      ? next
      : -1;
  }
  return -1;
}

/** Whether a capitalised word stands at `k` or right after one lower-case word there ("rival Ted Cruz", "Ted Cruz"). */
function capitalSoon(tokens: readonly Token[], k: number): boolean {
  const a = tokens[k];
  const b = tokens[k + 1];
  return !!a?.isWord && (a.isCap || (nounLike(a) && !PREPOSITION_START.test(a.lower) && !!b?.isWord && b.isCap));
}

const SENTENCE_OPENER =
  /^(during|earlier|later|recently|before|after|in|on|at|when|while|as|since|to|with|without|despite|following|under|for|from|by|once|although|though|if|meanwhile|instead|last|this|next|speaking|amid|throughout|within|over|into)$/;
