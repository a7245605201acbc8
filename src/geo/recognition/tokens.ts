/**
 * Words of running text as recognition reads them, and which gaps between two words may sit inside one
 * name (a space, a hyphen, a wrapped line; not a sentence's end).
 */
import { startsUpper } from '../../nlp/letters.js';
import type { Candidate } from '../resolve.js';
import type { Token } from './spans.js';

// Abbreviations first (`U.S.`, `B.C.`), then words with inner hyphens/apostrophes, optional final dot.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’‐-][\p{L}\p{N}]+)*\.?/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    let t = m[0];
    const start = m.index ?? 0;
    // Possessives are not part of the name: `London’s` → `London`.
    const possessive = t.endsWith("'s") || t.endsWith('’s');
    if (possessive) t = t.slice(0, -2);
    // A final dot belongs to the word only for abbreviations (`Ky.`, `Calif.`); keep it and let the
    // lookup try both.
    out.push({ start, end: start + t.length, text: t, upper: startsUpper(t), key: null, possessive });
  }
  return out;
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
