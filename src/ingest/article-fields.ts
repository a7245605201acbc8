import { splitSentences } from '../nlp/sentences.js';

const HEADLINE_MAX = 140;
/** Characters read to find the lead sentence: far more than any headline keeps. */
const LEAD_WINDOW = 4000;
const CLAUSE_BREAK = /,\s+(?:where|which|who|while|as|after|before|but|amid|saying)\b|\s+--\s+|;\s+/;

/**
 * A headline for a story that has none: the lead sentence, cut at its first clause break
 * when long, else at a word boundary. Marked as derived by the caller.
 */
export function deriveHeadline(body: string): string {
  // The lead is all it needs: splitting a body of megabytes would take seconds (issue 18).
  const head = body.length > LEAD_WINDOW ? body.slice(0, LEAD_WINDOW) : body;
  const lead = splitSentences(head)[0]?.text ?? head.trim();
  let headline = lead
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '')
    .trim();
  if (headline.length > HEADLINE_MAX) {
    const clause = CLAUSE_BREAK.exec(headline);
    if (clause && clause.index >= 30) headline = headline.slice(0, clause.index);
  }
  if (headline.length > HEADLINE_MAX) {
    const cut = headline.lastIndexOf(' ', HEADLINE_MAX - 1);
    headline = `${headline.slice(0, cut > 40 ? cut : HEADLINE_MAX - 1)}…`;
  }
  return headline;
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'de', 'la', 'el', 'al', 'on', 'upon']);

/** `DAMASCUS` → `Damascus`, `NEW YORK` → `New York`, `DEIR AL-ZOUR` → `Deir al-Zour`. Mixed-case input is kept. */
export function titleCasePlace(place: string): string {
  const trimmed = place.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed
    .toLowerCase()
    .split(' ')
    .map((word, i) =>
      word
        .split('-')
        .map((part, j) => ((i > 0 || j > 0) && SMALL_WORDS.has(part) ? part : part.charAt(0).toUpperCase() + part.slice(1)))
        .join('-'),
    )
    .join(' ');
}

/** `N.J.`, `V.A.`: initials, kept as written (title case would make `N.j.`). */
const INITIALS = /^(?:[A-Z]\.)+$/;

/**
 * `SALVADOR, Feb 26 -` or `DAMASCUS, Sept. 9 (Xinhua) --` → the place before the date, with the state,
 * province or country the wire writes after the town (`SPRINGFIELD, Va., March 11 -` → `Springfield, Va.`):
 * it tells which Springfield (geo/dateline-place.ts).
 */
export function placeFromDateline(dateline: string): string | null {
  const m =
    /^\s*([^,(]+?)(?:,(?!\s*[A-Z][a-z]{2,4}\.?\s+\d)\s*([^,(]+?))?(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}\b|\s*\(|\s+-)/.exec(dateline) ??
    /^\s*([^,]+),/.exec(dateline);
  const town = m?.[1]?.trim();
  return town ? datelinePlaceName(town, m?.[2]) : null;
}

/** A dateline's town (and state, province or country) as stored and shown: `SPRINGFIELD`, `Va.` → `Springfield, Va.`. */
export function datelinePlaceName(town: string, qualifier?: string | null): string {
  const q = qualifier?.trim();
  if (!q) return titleCasePlace(town);
  return `${titleCasePlace(town)}, ${INITIALS.test(q) ? q : titleCasePlace(q)}`;
}

/**
 * A body's paragraphs, each with its hard line wraps kept and its lines' indentation trimmed. A blank
 * line ends a paragraph, and so does a line break before a line indented deeper than the copy's wrapped
 * lines: Reuters starts each paragraph with `\n    ` and writes its wraps flush left, and a paragraph
 * that ends without a stop (a table's row, a lost full stop) or on an abbreviation (`…Inc.`, `…the U.S.`)
 * is still no sentence with the next. Copy that indents every line alike (TR-News indents each wrap
 * by 12 spaces) tells no paragraph by it, so there the lines are only wraps.
 */
export function bodyParagraphs(text: string): string[] {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.split('\n'));
  const wrapIndent = wrappedLinesIndent(blocks);
  const paragraphs: string[] = [];
  for (const block of blocks) {
    let lines: string[] = [];
    block.forEach((line, i) => {
      const trimmed = line.trim();
      if (!trimmed) return;
      if (i > 0 && wrapIndent !== null && indentOf(line) > wrapIndent && lines.length > 0) {
        paragraphs.push(lines.join('\n'));
        lines = [];
      }
      lines.push(trimmed);
    });
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
  }
  return paragraphs;
}

/** Leading spaces and tabs of a line. */
function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The indentation of a copy's wrapped lines when its lines after a block's first are indented in more
 * than one way (the least of them), else null: indentation then marks no paragraph.
 */
function wrappedLinesIndent(blocks: readonly (readonly string[])[]): number | null {
  let least = Infinity;
  let most = -1;
  for (const lines of blocks) {
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.trim()) continue;
      const indent = indentOf(line);
      least = Math.min(least, indent);
      most = Math.max(most, indent);
    }
  }
  return most > least ? least : null;
}

/** Paragraphs (`bodyParagraphs`) separated by blank lines: the body as stored. */
export function normaliseBody(text: string): string {
  return bodyParagraphs(text).join('\n\n');
}
