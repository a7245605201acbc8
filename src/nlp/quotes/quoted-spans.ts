import type { Sentence } from '../types.js';
import { SPEECH_VERBS } from './lexicon.js';

/**
 * A stretch of text between quotation marks. Multi-paragraph quotations (the wire convention: no
 * closing mark at the paragraph's end, an opening mark on the next) come back as one span.
 */
export interface QuotedSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or of the paragraph end when the quote never closed. */
  close: number;
  words: number;
  /** True when it reads as a quotation of its own, false for a scare quote or a fragment inside a clause. */
  direct: boolean;
}

const QUOTE_CHARS = /["“”]/g;
const MIN_DIRECT_WORDS = 4;

function isSpaceOrStart(c: string): boolean {
  return c === '' || /[\s([{—–\u00a0-]/.test(c);
}

function opensAt(body: string, i: number): boolean {
  const c = body.charAt(i);
  if (c === '“') return true;
  if (c === '”') return false;
  return isSpaceOrStart(body.charAt(i - 1));
}

function countWords(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/** Paragraph [start, end) pairs: blank lines separate paragraphs. */
export function paragraphSpans(body: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const m of body.matchAll(/\n\s*\n/g)) {
    if (m.index > from) out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  if (from < body.length) out.push([from, body.length]);
  return out;
}

/** Every quotation-mark pair in the body, classified direct or not. */
export function findQuotedSpans(
  body: string,
  sentences: readonly Sentence[],
  paragraphs: readonly [number, number][] = paragraphSpans(body),
): QuotedSpan[] {
  // (most wire stories hold no quotation mark at all)
  if (!/["“”]/.test(body)) return [];
  const spans: QuotedSpan[] = [];
  let open = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const [ps, pe] = paragraphs[p]!;
    let continued = open >= 0;
    QUOTE_CHARS.lastIndex = 0;
    for (const m of body.slice(ps, pe).matchAll(QUOTE_CHARS)) {
      const i = ps + m.index;
      if (continued) {
        // the opening mark that continues last paragraph's quotation
        continued = false;
        if (i === ps) continue;
      }
      if (opensAt(body, i)) {
        open = i;
      } else if (open >= 0) {
        spans.push({ open, close: i, words: countWords(body.slice(open + 1, i)), direct: false });
        open = -1;
      }
    }
    if (open >= 0) {
      const next = paragraphs[p + 1];
      const nextOpens = next !== undefined && /["“]/.test(body.charAt(next[0])) && opensAt(body, next[0]);
      if (!nextOpens) {
        const words = countWords(body.slice(open + 1, pe));
        if (words >= 6) spans.push({ open, close: pe, words, direct: false });
        open = -1;
      }
    }
  }
  for (const s of spans) s.direct = readsAsQuotation(body, s, sentences);
  return spans;
}

function sentenceStartBefore(sentences: readonly Sentence[], offset: number): number {
  let start = 0;
  for (const s of sentences) {
    if (s.start <= offset) start = s.start;
    else break;
  }
  return start;
}

/**
 * A quotation stands on its own when it starts a clause (sentence start, after a colon or comma)
 * and ends one (closing punctuation, or attribution right after). A short or embedded fragment
 * (`slammed the coalition as "illegitimate"`, `He said Clinton has "an unhealthy penchant ..."`) is not.
 */
function readsAsQuotation(body: string, s: QuotedSpan, sentences: readonly Sentence[]): boolean {
  if (s.words < 2) return false;
  if (s.words < MIN_DIRECT_WORDS) {
    // a short quotation only with its attribution right after: `"All the way!" Dawson shouted`
    const inner = body.slice(s.open + 1, s.close).trim();
    const after = body.slice(s.close + 1, s.close + 50);
    const before = body.slice(Math.max(0, s.open - 30), s.open);
    const signedAfter = /[,!?]$/.test(inner) && verbWithin(after, 5);
    // or introduced by its attribution: `he said, "I hope to."`
    const signedBefore = /[.!?]$/.test(inner) && /\b(said|says|asked|added|told \w+|wrote|replied|responded)[,:]\s*$/i.test(before);
    if (!signedAfter && !signedBefore) return false;
  }
  const from = Math.max(sentenceStartBefore(sentences, s.open), body.lastIndexOf('\n', s.open) + 1);
  const left = body.slice(from, s.open).trim();
  // a quotation glued to the sentence before (`... said in Naples, Fla. "It would be nice ..."`) starts a clause too
  const leftOk =
    left === '' ||
    /[:,—–]$/.test(left) ||
    /\b(said|says|told|added|asked|wrote|writes)$/i.test(left) ||
    /["”]$/.test(left) ||
    /[.!?]$/.test(left);
  if (!leftOk) return false;
  // a closing single quote of a nested quotation does not hide the punctuation before it: `..., 'we want to,'"`
  const inner = body
    .slice(s.open + 1, s.close)
    .trim()
    .replace(/\s*['’]$/, '');
  if (/[,.!?…—–\-:;]$/.test(inner)) return true;
  const after = body.slice(s.close + 1, s.close + 40);
  if (/^\s*($|[,.!?;:)—–])/.test(after) || /^\s*\n/.test(after)) return true;
  return verbWithin(after, 3);
}

/** A reporting verb among the first `n` words of `text` ("the New York businessman said"). */
function verbWithin(text: string, n: number): boolean {
  const words = text.match(/[\p{L}'’]+|[.!?;:"“”]/gu) ?? [];
  for (let i = 0; i < Math.min(words.length, n); i++) {
    const w = words[i]!.toLowerCase();
    if (/^[.!?;:"“”]$/.test(w)) return false;
    if (SPEECH_VERBS.has(w)) return true;
  }
  return false;
}
