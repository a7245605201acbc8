import { lazyModule } from '../core/lazy-module.js';

// Loaded on the first split: sbd pulls in sanitize-html and postcss, which a command that only reads
// stored sentences (/latest, /where) should not pay for at start-up.
const sbd = lazyModule<typeof import('sbd')>('sbd');
import type { Sentence, Span } from './types.js';

/**
 * Sentence splitting for wire copy.
 *
 * The boundary decisions inside a paragraph come from `sbd` (abbreviations, decimals, initials,
 * `U.S.-backed`, `Sept. 9`), chosen over wink-nlp because it is ~3x faster on the Reuters corpus
 * (0.06 vs 0.2 ms per story) and splits `... 2.5 pct. Shares ...` where wink does not.
 * Around it this module adds what news needs and sbd does not do:
 * - paragraphs first: a blank line, or a line break followed by indentation (Reuters hard-wrapped
 *   copy starts each paragraph with `\n    `), always ends a sentence;
 * - a quotation that opens and closes inside one paragraph is never cut
 *   (`"We will win. We are strong," he said.` is one sentence, attribution included);
 * - exact offsets: sbd returns strings, which are mapped back onto the original text, so
 *   `start`/`end` point into the text given while `text` has the hard line wraps collapsed.
 */

/** sbd's own list plus titles, company suffixes and US state abbreviations common in wire copy. */
const NEWS_ABBREVIATIONS: readonly string[] = [
  // sbd's default English list (passing a list replaces it, so it is repeated here)
  'al',
  'adj',
  'assn',
  'Ave',
  'BSc',
  'MSc',
  'Cell',
  'Ch',
  'Co',
  'cc',
  'Corp',
  'Dem',
  'Dept',
  'ed',
  'eg',
  'Eq',
  'Eqs',
  'est',
  'etc',
  'Ex',
  'ext',
  'Fig',
  'fig',
  'Figs',
  'figs',
  'i.e',
  'ie',
  'Inc',
  'inc',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'jr',
  'mi',
  'Miss',
  'Mrs',
  'Mr',
  'Ms',
  'Mol',
  'mt',
  'mts',
  'no',
  'Nos',
  'PhD',
  'MD',
  'BA',
  'MA',
  'MM',
  'pl',
  'pop',
  'pp',
  'Prof',
  'Dr',
  'pt',
  'Ref',
  'Refs',
  'Rep',
  'repr',
  'rev',
  'Sec',
  'Secs',
  'Sgt',
  'Col',
  'Gen',
  'Sen',
  'Gov',
  'Lt',
  'Maj',
  'Capt',
  'St',
  'Sr',
  'sr',
  'Jr',
  'Rev',
  'Sun',
  'Mon',
  'Tu',
  'Tue',
  'Tues',
  'Wed',
  'Th',
  'Thu',
  'Thur',
  'Thurs',
  'Fri',
  'Sat',
  'trans',
  'Univ',
  'Viz',
  'Vol',
  'vs',
  'v',
  // news additions: titles, ranks, company forms, places
  'No',
  'Adm',
  'Brig',
  'Cmdr',
  'Cdr',
  'Gens',
  'Lieut',
  'Supt',
  'Insp',
  'Rt',
  'Hon',
  'Messrs',
  'Mme',
  'Mlle',
  'Ltd',
  'Bros',
  'Plc',
  'Cos',
  'Mt',
  'Ft',
  'Pres',
  'Sens',
  'Reps',
  'Atty',
  'Gov',
  'Govs',
  'Amb',
  'Sup',
  'approx',
  'Ala',
  'Ariz',
  'Ark',
  'Calif',
  'Colo',
  'Conn',
  'Del',
  'Fla',
  'Ga',
  'Ill',
  'Ind',
  'Kan',
  'Kans',
  'Ky',
  'La',
  'Md',
  'Mich',
  'Minn',
  'Miss',
  'Mo',
  'Mont',
  'Neb',
  'Nev',
  'Okla',
  'Ore',
  'Pa',
  'Penn',
  'Tenn',
  'Tex',
  'Va',
  'Vt',
  'Wash',
  'Wis',
  'Wyo',
];

const SBD_OPTIONS = {
  newline_boundaries: false,
  // sbd's preserve_whitespace mode mis-cuts around tokens like `<TSCO.L>`; offsets come from aligning
  // non-space characters instead, so the whitespace it drops does not matter.
  preserve_whitespace: false,
  abbreviations: [...NEWS_ABBREVIATIONS],
};

/** A blank line, or a line break followed by indentation: both start a new paragraph. */
const PARAGRAPH_BREAK = /\n[ \t]*\n\s*|\n[ \t]+/g;
/** Longest run of sentences a quotation may glue together: a safety net against an unbalanced quote mark. */
const MAX_QUOTE_MERGE_CHARS = 800;

/**
 * Characters split with sbd and the news rules (issue 18). sbd costs ~1.5 s per MB, so a story body of
 * megabytes (a log dump, a whole book) would hold an analyzer for many seconds: past this point, and
 * for any paragraph longer than this, sentences are cut by a plain linear rule (a stop, closing
 * quotes, space, a capital or digit). Real stories are far shorter (the longest of the summary eval
 * sets is ~25,000 characters), so they never reach it.
 */
export const CAREFUL_SPLIT_CHARS = 50_000;

/** Split `text` into sentences with offsets into `text`; sentence text has line wraps collapsed. */
export function splitSentences(original: string, carefulChars: number = CAREFUL_SPLIT_CHARS): Sentence[] {
  const spans: Span[] = [];
  // (boundaries are found on a copy with the NYT's doubled apostrophes as quotation marks; offsets are the same)
  const text = curlyDoubledApostrophes(original);
  for (const paragraph of splitParagraphs(text)) {
    if (paragraph.end > carefulChars) {
      splitPlainly(text, paragraph, spans);
      continue;
    }
    const raw = splitAfterCompanySuffixes(text, splitParagraph(text, paragraph));
    spans.push(...mergeQuotations(text, mergeAfterInitialisms(text, mergeLowercaseStarts(text, raw))));
  }
  // (a sentence opening or closing on a doubled apostrophe holds both: the copy's space stood for the second)
  if (text !== original)
    for (const span of spans) {
      if (original.startsWith("''", span.start - 1)) span.start--;
      if (original.startsWith("''", span.end - 1)) span.end++;
    }
  return spans.map((span, index) => ({
    index,
    start: span.start,
    end: span.end,
    text: collapseWhitespace(original.slice(span.start, span.end)),
  }));
}

/**
 * NYT copy writes quotation marks as two apostrophes (`''We will win,'' he said.`), which sbd reads as no
 * quotation: it never cut after `policy.'' The network said ...`, and a quotation of several sentences was
 * not kept whole. For the boundary decisions they become curly marks of the same length (`␠“`, `”␠`).
 */
function curlyDoubledApostrophes(text: string): string {
  if (!text.includes("''")) return text;
  return text.replace(/''(?!')/g, (m: string, at: number) => {
    const before = at === 0 ? '' : text.charAt(at - 1);
    return before === '' || /[\s([{—–-]/.test(before) ? ' “' : '” ';
  });
}

/** Paragraph spans (trimmed, non-empty). */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    pushTrimmed(text, from, match.index, spans);
    from = match.index + match[0].length;
  }
  pushTrimmed(text, from, text.length, spans);
  return spans;
}

/** Collapse runs of whitespace (line wraps, indentation) into single spaces. */
export function collapseWhitespace(s: string): string {
  // fast path: most sentences have single spaces only
  if (!/\s\s|[\t\n\r\f\v\u00a0]/.test(s)) return s.trim();
  return s.replace(/\s+/g, ' ').trim();
}

/** A stop (with closing quotes or brackets) followed by space and a capital, digit or opening quote. */
const PLAIN_BOUNDARY = /[.!?]+['"’”)\]]*(?=\s+['"‘“(]?[A-Z0-9])/g;

/** The linear fallback of `splitSentences` past CAREFUL_SPLIT_CHARS: cut after each PLAIN_BOUNDARY. */
function splitPlainly(text: string, paragraph: Span, out: Span[]): void {
  const chunk = text.slice(paragraph.start, paragraph.end);
  let from = 0;
  for (const match of chunk.matchAll(PLAIN_BOUNDARY)) {
    const end = match.index + match[0].length;
    pushTrimmed(text, paragraph.start + from, paragraph.start + end, out);
    from = end;
  }
  pushTrimmed(text, paragraph.start + from, paragraph.end, out);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 160;
}

/**
 * Run sbd on one paragraph and map its strings back to offsets. sbd keeps the non-space
 * characters in order (bar a dot it cut at), so aligning them is exact; if it ever changed a character
 * the rest of the paragraph becomes one sentence rather than getting wrong offsets.
 */
function splitParagraph(text: string, paragraph: Span): Span[] {
  const chunk = text.slice(paragraph.start, paragraph.end);
  // Inside a paragraph a line break is only a hard wrap; sbd treats it as a token of its own and
  // cuts at `a U.S.\ngovernment agency`, so give it spaces (same length: offsets stay valid).
  const pieces = sbd().sentences(chunk.replace(/[\r\n\t\f\v]/g, ' '), SBD_OPTIONS);
  const spans: Span[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    const aligned = alignPiece(chunk, cursor, piece);
    if (!aligned) {
      pushTrimmed(text, paragraph.start + cursor, paragraph.end, spans);
      return spans;
    }
    pushTrimmed(text, paragraph.start + aligned.start, paragraph.start + aligned.end, spans);
    cursor = aligned.end;
  }
  if (cursor < chunk.length) {
    // anything sbd dropped (should not happen) joins the last sentence
    const last = spans[spans.length - 1];
    if (last && /\S/.test(chunk.slice(cursor))) last.end = paragraph.end;
    else if (!last) pushTrimmed(text, paragraph.start, paragraph.end, spans);
  }
  return spans;
}

function alignPiece(chunk: string, cursor: number, piece: string): Span | null {
  // fast path: sbd gave the text back verbatim (single-spaced copy)
  let first = cursor;
  while (first < chunk.length && isSpace(chunk.charCodeAt(first))) first++;
  if (piece.length > 0 && chunk.startsWith(piece, first)) return { start: first, end: first + piece.length };
  let i = cursor;
  let start = -1;
  for (let k = 0; k < piece.length; k++) {
    const c = piece.charCodeAt(k);
    if (isSpace(c)) continue;
    while (i < chunk.length && isSpace(chunk.charCodeAt(i))) i++;
    // sbd drops the dot it cuts at inside a token (`<TSCO.L>` → `<TSCO`, `L>`): skip such punctuation
    let skipped = 0;
    while (i < chunk.length && chunk.charCodeAt(i) !== c && skipped < 2 && /[^\p{L}\p{N}\s]/u.test(chunk.charAt(i))) {
      i++;
      skipped++;
    }
    if (i >= chunk.length || chunk.charCodeAt(i) !== c) return null;
    if (start < 0) start = i;
    i++;
  }
  if (start < 0) return { start: cursor, end: cursor };
  return { start, end: i };
}

/**
 * A piece that starts with a lower-case letter is a false cut (`(R-N.C.), former chairman ...`),
 * and so is one whose predecessor does not end in a stop (sbd cuts `<TSCO.L>` after `TSCO`).
 * Join it to the sentence before.
 */
function mergeLowercaseStarts(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    if (prev && (/^[a-z]/.test(text.charAt(span.start)) || !endsWithStop(text, prev))) prev.end = span.end;
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** Ends in `.`, `!` or `?`, possibly followed by closing quotes or brackets. */
function endsWithStop(text: string, span: Span): boolean {
  return /[.!?…]['"’”)\]]*$/.test(text.slice(Math.max(span.start, span.end - 6), span.end));
}

/** Words that plainly open a new sentence after `... in the U.S.` */
const STRONG_STARTERS = new Set([
  'The',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'But',
  'However',
  'A',
  'An',
  'If',
  'When',
  'Its',
  'His',
  'Her',
  'Their',
  'Our',
  'Meanwhile',
  'Analysts',
]);

/**
 * After a dotted initialism (`U.S.`, `U.K.`, `E.F.`) a capitalised word is usually part of the
 * same name (`U.S. Treasury`, `E.F. Hutton`); Reuters copy even capitalises the word after `U.S.`
 * (`50 billion U.S. Dlrs`, `the U.S. And Japan`, `exports to the U.S. In July`). Keep the cut only
 * before a plain sentence opener (a pronoun, determiner or conjunction, not a preposition).
 */
function mergeAfterInitialisms(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    if (prev && /(?:^|[^A-Za-z.])(?:[A-Z]\.){2,}$/.test(text.slice(Math.max(prev.start, prev.end - 12), prev.end))) {
      const word = /^[A-Za-z']+/.exec(text.slice(span.start, span.start + 20))?.[0] ?? '';
      if (!STRONG_STARTERS.has(word)) {
        prev.end = span.end;
        continue;
      }
    }
    out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** Company forms that end a name and, in wire copy, often a sentence: "…, director of Libra Bank Plc." */
const COMPANY_SUFFIX_THEN_WORD = /\b(?:Inc|Corp|Ltd|Plc|PLC|Co|Cos|Bros)\.\s+(["“]?)([A-Z][A-Za-z']*)/g;
/** One to three capitalised words and a verb of saying: `Healy said`, `Moody's said`, `Dow Jones Co said`. */
const NAME_THEN_SAID = /^[A-Z][A-Za-z'’-]*(?:\s+[A-Z][A-Za-z'’-]*){0,2}\s+(?:said|says|told|added|noted)\b/;

/**
 * The company forms are abbreviations to sbd, so it never cuts after them (`Acme Inc. said …` is one
 * sentence); but an attribution often ends on one, and the next sentence then began inside it:
 * `… said Carlos Santistevan, executive director of Libra Bank Plc. However, it is uncertain …, he
 * said.` Cut after the form when a plain sentence opener follows, or a name and its verb of saying when
 * the form closes a sentence that began before the company's name (`… said analyst David Healy of Drexel
 * Burnham Lambert Inc. Healy said …`, where the mention had become "Drexel Burnham Lambert Inc. Healy"; not
 * `Acme Corp. President John Smith said`, where the form is the subject's own).
 */
function splitAfterCompanySuffixes(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    const chunk = text.slice(span.start, span.end);
    for (const m of chunk.matchAll(COMPANY_SUFFIX_THEN_WORD)) {
      const opening = m[1]! + m[2]!;
      const speaks = (): boolean =>
        NAME_THEN_SAID.test(chunk.slice(m.index + m[0].length - m[2]!.length)) &&
        /(?:^|\s)\p{Ll}/u.test(text.slice(start, span.start + m.index));
      // (a quotation that opens on a capital after the form opens the next sentence: `... said Ward McCarthy of Merrill
      // Lynch Economics Inc. "The Fed has confidence ...," McCarthy said.`)
      // (so does any capitalised word after an inverted attribution of a quotation that the form ends: `"...," said Simon
      // Greenshields, a vice president with Morgan Stanley and Co Inc. News today ...`; not a word of the firm's name
      // that a period or comma closes: `... of Nikko Securities Co. International.`)
      const inverted = (): boolean =>
        /[,!?]["”]\s+said\s+\p{Lu}/u.test(text.slice(start, span.start + m.index)) && !/^[.,]/.test(chunk.slice(m.index + m[0].length));
      if (!m[1] && !STRONG_STARTERS.has(m[2]!) && !speaks() && !inverted()) continue;
      const word = span.start + m.index + m[0].length - opening.length;
      const stop = span.start + m.index + m[0].indexOf('.') + 1;
      out.push({ start, end: stop });
      start = word;
    }
    out.push({ start, end: span.end });
  }
  return out;
}

/** Quote marks that open or close a quotation. Curly quotes say which; straight ones toggle. */
function quoteBalance(text: string, span: Span, open: boolean): boolean {
  let inside = open;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22)
      inside = !inside; // "
    else if (c === 0x201c)
      inside = true; // “
    else if (c === 0x201d) inside = false; // ”
  }
  return inside;
}

/**
 * Glue sentences that sbd cut inside a quotation, when the quotation closes in the same paragraph.
 * A quotation still open at the paragraph's end is the wire convention for a quote that runs on into
 * the next paragraph; its sentences stay apart.
 */
function mergeQuotations(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < spans.length) {
    const first = spans[i]!;
    let merged: Span = { start: first.start, end: first.end };
    let j = i + 1;
    if (quoteBalance(text, first, false)) {
      // look ahead for the sentence that closes the quotation
      let k = i + 1;
      let inside = true;
      // bounded by MAX_QUOTE_MERGE_CHARS: an unclosed quote mark must not make every later sentence look ahead to the paragraph's end
      while (k < spans.length && inside && spans[k]!.end - first.start <= MAX_QUOTE_MERGE_CHARS) {
        inside = quoteBalance(text, spans[k]!, inside);
        k++;
      }
      const end = spans[k - 1]!.end;
      if (!inside && k > i + 1 && end - first.start <= MAX_QUOTE_MERGE_CHARS) {
        merged = { start: first.start, end };
        j = k;
      }
    }
    out.push(merged);
    i = j;
  }
  return out;
}
