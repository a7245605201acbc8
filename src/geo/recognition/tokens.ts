/**
 * Words of running text as recognition reads them, and which gaps between two words may sit inside one
 * name (a space, a hyphen, a wrapped line; not a sentence's end).
 */
import { isAsciiLetterOrDigit, startsUpper } from '../../nlp/letters.js';
import type { Candidate } from '../resolve.js';
import type { Token } from './spans.js';

// Abbreviations first (`U.S.`, `B.C.`), then words with inner hyphens/apostrophes, optional final dot.
// (What tokenize finds; kept for the test that compares them.)
export const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’‐-][\p{L}\p{N}]+)*\.?/gu;

export function tokenize(text: string): Token[] {
  // TOKEN_RE's matches, found by character codes: the regex and its match objects cost more than the
  // recognition of most stories' names. ASCII is answered here, other characters by LETTER_OR_DIGIT.
  const out: Token[] = [];
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c < 128 && ASCII_WORD_CHAR[c] === 0) {
      pos++;
      continue;
    }
    const first = c < 128 ? 1 : wordCharLength(text, pos);
    if (first === 0) {
      pos += unitLength(text, pos);
      continue;
    }
    const start = pos;
    let end = abbreviationEnd(text, pos);
    if (end < 0) {
      end = wordRunEnd(text, pos + first);
      // Inner apostrophes and hyphens, each followed by a letter or digit.
      for (;;) {
        const sep = text.charCodeAt(end);
        if (sep !== 39 && sep !== 0x2019 && sep !== 0x2010 && sep !== 45) break;
        const after = wordCharLength(text, end + 1);
        if (after === 0) break;
        end = wordRunEnd(text, end + 1 + after);
      }
      if (text.charCodeAt(end) === 46) end++;
    }
    pos = end;
    // Possessives are not part of the name: `London’s` → `London`.
    const quote = text.charCodeAt(end - 2);
    const possessive = end - start >= 2 && text.charCodeAt(end - 1) === 115 && (quote === 39 || quote === 0x2019);
    const t = text.slice(start, possessive ? end - 2 : end);
    // A final dot belongs to the word only for abbreviations (`Ky.`, `Calif.`); keep it and let the
    // lookup try both.
    out.push({ start, end: start + t.length, text: t, upper: startsUpper(t), key: null, possessive });
  }
  return out;
}

/** 1 for the ASCII letters and digits. */
const ASCII_WORD_CHAR = new Uint8Array(128).map((_, c) => (isAsciiLetterOrDigit(c) ? 1 : 0));

/** One letter or digit (`[\p{L}\p{N}]`, by code point) at `pos`, sticky. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
/** One capital letter and a dot (`\p{Lu}\.`) at `pos`, sticky. */
const CAPITAL_DOT = /\p{Lu}\./uy;

/** UTF-16 units of the code point at pos (a lone surrogate is one). */
function unitLength(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c < 0xd800 || c > 0xdbff || pos + 1 >= text.length) return 1;
  const d = text.charCodeAt(pos + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Units of the letter or digit at pos, 0 when there is none. */
function wordCharLength(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c < 128) return ASCII_WORD_CHAR[c] ?? 0;
  if (Number.isNaN(c)) return 0;
  LETTER_OR_DIGIT.lastIndex = pos;
  return LETTER_OR_DIGIT.test(text) ? unitLength(text, pos) : 0;
}

/** The end of the run of letters and digits from pos. */
function wordRunEnd(text: string, pos: number): number {
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c < 128) {
      if (ASCII_WORD_CHAR[c] === 0) return pos;
      pos++;
      continue;
    }
    const k = wordCharLength(text, pos);
    if (k === 0) return pos;
    pos += k;
  }
  return pos;
}

/** The end of two or more capitals with dots from pos (`U.S.`, `B.C.`), or -1. */
function abbreviationEnd(text: string, pos: number): number {
  let end = pos;
  let pairs = 0;
  for (;;) {
    const c = text.charCodeAt(end);
    if (c < 128) {
      if (c >= 65 && c <= 90 && text.charCodeAt(end + 1) === 46) {
        end += 2;
        pairs++;
        continue;
      }
      break;
    }
    if (Number.isNaN(c)) break;
    CAPITAL_DOT.lastIndex = end;
    if (!CAPITAL_DOT.test(text)) break;
    end = CAPITAL_DOT.lastIndex;
    pairs++;
  }
  return pairs >= 2 ? end : -1;
}

/** Gap between two tokens that may sit inside one name: spaces or a hyphen, no punctuation or newline. */
export function joinable(text: string, a: Token, b: Token): boolean {
  // Wire copy wraps lines inside names (`Hughes\nTool Co`); an indented new line is a new paragraph
  // after a full stop (the word keeps it), a wrap within a sentence otherwise.
  // `/^(?:[ \t-]{1,2}|[ \t]?\n)$/` on the gap, by character codes: it runs for every pair of words.
  const length = b.start - a.end;
  let gapOk = false;
  if (length === 1) {
    const c = text.charCodeAt(a.end);
    gapOk = isSpaceTabOrHyphen(c) || c === 10;
  } else if (length === 2) {
    const c0 = text.charCodeAt(a.end);
    const c1 = text.charCodeAt(a.end + 1);
    gapOk = (isSpaceTabOrHyphen(c0) && isSpaceTabOrHyphen(c1)) || ((c0 === 32 || c0 === 9) && c1 === 10);
  } else if (length > 2) gapOk = isIndentedWrap(text, a.end, b.start);
  return gapOk && (!a.text.endsWith('.') || NAME_ABBREVIATIONS.has(a.text));
}

/** Name words the news abbreviates that the gazetteer may only have written out. */
export const ABBREVIATED_WORDS = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['mt', 'mount'],
  ['ft', 'fort'],
]);

/**
 * A line break and an indent in the middle of a sentence (`Atletico\n            Madrid`): some
 * sources wrap their lines so, where wire copy would start a paragraph after a full stop, a quote
 * or a bracket (those end the word before, or sit in the gap).
 */
function isIndentedWrap(text: string, from: number, to: number): boolean {
  if (text.charCodeAt(from) !== 10 || to - from > 40) return false;
  for (let k = from + 1; k < to; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return false;
  return true;
}

export function joinableInName(text: string, a: Token, b: Token): boolean {
  if (!a.possessive) return joinable(text, a, b);
  return b.start - a.end === 3 && text.charCodeAt(a.end + 2) === 32;
}

/** Abbreviated name words that a name goes on after (`Fort St. John`, `St. Thomas`, `Mt. Kenya`). */
const NAME_ABBREVIATIONS = new Set(['St.', 'Ste.', 'Ft.', 'Mt.', 'Pt.']);

/** French and Italian elided articles inside a name (`Côte d'Ivoire`, `Val d'Isère`). */
export const ELIDED = /^[dl]['’]\p{Lu}/u;

function isSpaceTabOrHyphen(c: number): boolean {
  return c === 32 || c === 9 || c === 45;
}

export interface Match {
  key: string;
  cands: Candidate[];
  end: number;
  dotted: boolean;
  single: boolean;
  strong: boolean;
  surface: string;
}

/** Whether the line around a position is written in capitals (wire headlines, datelines). */
export function inCapsLine(text: string, pos: number): boolean {
  const from = text.lastIndexOf('\n', pos) + 1;
  let to = text.indexOf('\n', pos);
  if (to < 0) to = text.length;
  let upper = 0;
  let lower = 0;
  for (let k = from; k < to; k++) {
    const ch = text.charAt(k);
    if (ch >= 'A' && ch <= 'Z') upper++;
    else if (ch >= 'a' && ch <= 'z') lower++;
  }
  return upper >= 8 && lower * 5 < upper;
}

/**
 * A dateline opening the text or a paragraph: its first words in capitals, then a dash or the state (`BANTAM — A`,
 * `INNISFAIL - Nine`, `HOLLIDAY, Mo. —`, `RUSSELLVILLE, Ark. (AP)`). Local papers put small towns there.
 */
export function isOpeningDateline(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // A headline run into its story keeps the dateline after its last sentence (`... assault. BANTAM — A`).
  const lead = text.slice(lineStart, start).trim();
  if (lead !== '' && !/[.!?]$/.test(lead)) return false;
  const head = text.slice(start, end);
  if (head !== head.toUpperCase() || !/\p{Lu}{3}/u.test(head)) return false;
  return OPENING_DATELINE_AFTER.test(text.slice(end, end + 24));
}

const OPENING_DATELINE_AFTER = /^(\s+\p{Lu}+\.?)*(\s*[—–]|\s+-{1,2}\s|,\s*\p{Lu}[\p{L}.]{1,12}\s*([(—–]|-{1,2}|\s-))/u;

/** Inside Reuters-style company brackets: `<Pratt and Whitney>`. */
export function inAngleBrackets(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('<', start);
  if (open < 0 || start - open > 80 || text.lastIndexOf('>', start) > open) return false;
  const close = text.indexOf('>', end);
  return close >= 0 && close - end <= 80 && text.lastIndexOf('<', close) === open;
}
