/**
 * Small helpers on token and text spans that the quote rules share: finding a token, the last content token, the
 * trimmed text of a span, the paragraph of an offset, where a dateline ends, whether a span holds a verb or
 * opens a clause, whether only a time or place phrase closes the sentence. Separate so that each rule module
 * imports them from one place instead of from the extractor.
 */
import { PAST_VERBS } from './noun-phrases.js';
import type { Token } from './tokens.js';
import { FINITE, FRAMING_START } from './word-classes.js';

export const MIN_REPORTED_WORDS = 3;

export function paragraphIndex(paragraphs: readonly [number, number][], offset: number): number {
  for (let i = 0; i < paragraphs.length; i++) if (offset < paragraphs[i]![1]) return i;
  return paragraphs.length - 1;
}

export function trimSpan(body: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(body.charAt(start))) start++;
  while (end > start && /[\s,]/.test(body.charAt(end - 1))) end--;
  return [start, end];
}

/** Whether the comma at `k` groups a figure's thousands ("740,000"): no comma of the sentence. */
export function figureComma(tokens: readonly Token[], k: number): boolean {
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return (
    !!before &&
    !!after &&
    /\d$/.test(before.text) &&
    /^\d/.test(after.text) &&
    before.end === tokens[k]!.start &&
    after.start === tokens[k]!.end
  );
}

/** Whether tokens [from, to] hold a finite or past verb in lower case. */
export function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = tokens[k]!;
    if (t.text === t.lower && (FINITE.test(t.lower) || /[^e]ed$/.test(t.lower))) return true;
  }
  return false;
}

/** Whether only a time or place phrase ("on Monday", "in a statement") is left from token `k` to the sentence end. */
export function closesSentence(tokens: readonly Token[], k: number, last: number): boolean {
  if (k > last) return true;
  let i = k;
  if (tokens[i]?.text === ',') i++;
  if (!FRAMING_START.test(tokens[i]?.lower ?? '')) return false;
  for (let j = i; j <= last; j++) if (FINITE.test(tokens[j]!.lower) || tokens[j]!.lower === 'that') return false;
  return last - i < 8;
}

/** "WASHINGTON (AP) — ...", "Raleigh, N.C. - ...": the index after a dateline opening the sentence, else 0. */
export function datelineEnd(tokens: readonly Token[]): number {
  for (let k = 1; k < Math.min(tokens.length, 9); k++) {
    const t = tokens[k]!;
    // (a dateline shouts its place or agency: "Gingrich — mentioned by Newsmax … — told" is an aside)
    if (/^(—|–|-|--)$/.test(t.text)) return tokens.slice(0, k).some((x) => x.isWord && /^[A-Z]{2,}$/.test(x.text)) ? k + 1 : 0;
    if (t.isWord ? !t.isCap : !/^[,.()]$/.test(t.text)) return 0;
  }
  return 0;
}

/** Whether a lower-case finite verb ("is", "would", "has") stands in tokens [from, to], before any punctuation. */
export function finiteWithin(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j <= to; j++) {
    const t = tokens[j]!;
    if (!t.isWord) return false;
    if (t.text === t.lower && FINITE.test(t.lower)) return true;
  }
  return false;
}

/** Whether a clause starts at `k`: a verb (finite, modal or past) within a few words, before any punctuation. */
export function clauseAt(tokens: readonly Token[], k: number, last: number): boolean {
  if (last - k < 2) return false;
  for (let j = k + 1; j <= Math.min(last, k + 6); j++) {
    const t = tokens[j]!;
    if (!t.isWord) return false;
    if (t.isCap) continue;
    if (FINITE.test(t.lower) || /[^e]ed$/.test(t.lower) || PAST_VERBS.has(t.lower)) return true;
    // ("he expects": a present verb right after a pronoun subject)
    if (j === k + 1 && /^(he|she|it)$/.test(tokens[k]!.lower) && /[^s]s$/.test(t.lower)) return true;
  }
  return false;
}

/** The last word of a cue as written ("has also said" → "said"), lower-cased. */
export function lastWord(verb: string | null): string {
  return (verb ?? '').toLowerCase().split(/\s+/).pop() ?? '';
}

export function lastContentIndex(tokens: readonly Token[]): number {
  let k = tokens.length - 1;
  while (k > 0 && /^[.!?"“”)]$/.test(tokens[k]!.text)) k--;
  return k;
}

export function findIndex(tokens: readonly Token[], from: number, pred: (t: Token) => boolean, until = tokens.length): number {
  for (let k = from; k < Math.min(until, tokens.length); k++) if (pred(tokens[k]!)) return k;
  return -1;
}
