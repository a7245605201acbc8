/**
 * Labelled statements: a speaker before a colon with no verb, as a headline's label ("Kasich: ...") or a
 * transcript's ("PENCE: ..."). A convention of its own, read from paragraphs rather than from cue words or
 * quotation marks.
 */
import { NON_NAME_CAPS } from './lexicon.js';
import type { RawQuote } from './resolve-speakers.js';
import { MIN_REPORTED_WORDS, trimSpan } from './token-spans.js';

/**
 * Two conventions put the speaker before a colon with no verb: the headline that opens a story
 * (`Kasich: 'We Are Going To Go All The Way To Cleveland.'`, `Poll: Clinton and Trump in dead heat`)
 * and a transcript's speaker labels (`PENCE: Well, look, ...`). The headline is the first line and
 * its label a short capitalised name; a transcript label is a name in capitals opening a paragraph.
 */
export function labelledStatements(body: string, paragraphs: readonly [number, number][], found: readonly RawQuote[]): RawQuote[] {
  const out: RawQuote[] = [];
  paragraphs.forEach(([ps, pe], i) => {
    const text = body.slice(ps, pe);
    const headline = i === 0 && !text.includes('\n');
    const label = (headline ? HEADLINE_LABEL.exec(text) : null) ?? TRANSCRIPT_LABEL.exec(text);
    const framed = !label && headline ? framedHeadlineLabel(text) : null;
    if (!label && !framed) return;
    if (label && NON_NAME_CAPS.has(label[2]!.split(' ')[0]!.toLowerCase())) return;
    // ("EDITOR'S NOTE:", "CLARIFICATION:", "HUFFPOST READERS:": the paper's own labels above its notes, no one speaking)
    if (label && !headline && label[2]!.split(' ').some((w) => EDITORIAL_LABEL.test(w))) return;
    const nameStart = ps + (label ? label[1]!.length : framed!.name[0]);
    const nameEnd = label ? nameStart + label[2]!.length : ps + framed!.name[1];
    // ("PENCE: Well, look, ..." opening a paragraph with a quotation mark, as a transcript quoted whole opens each of its
    // paragraphs: the turn goes on through the paragraphs after it that open with the mark and no label of their own)
    let turnEnd = pe;
    if (label && !headline && label[1])
      for (let j = i + 1; j < paragraphs.length; j++) {
        const next = body.slice(paragraphs[j]![0], paragraphs[j]![1]);
        if (!next.startsWith(label[1]) || TRANSCRIPT_LABEL.test(next) || /^.\s*[([]/u.test(next)) break;
        turnEnd = paragraphs[j]![1];
      }
    const [start, end] = trimSpan(body, ps + (label ? label[0].length : framed!.labelEnd), turnEnd);
    // (the closing period and quotation mark of the statement are not its words)
    let e = end;
    while (e > start && /[\s."“”]/.test(body.charAt(e - 1))) e--;
    if (countWordsIn(body.slice(start, e)) < MIN_REPORTED_WORDS) return;
    // (a transcript's turn holds the reports its speaker makes, "After the Clinton camp announced that ...": they are
    // attributions inside it, as a quotation's are; a quotation or a headline's own attribution is the statement itself)
    if (found.some((q) => q.start < e && q.end > start && (headline || q.kind === 'direct'))) return;
    const mention = { start: nameStart, end: nameEnd };
    out.push({ start, end: e, text: body.slice(start, e), kind: 'reported', mention, name: mention, description: null, verb: ':' });
  });
  return out;
}

const HEADLINE_LABEL = /^(["“]?)(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}):\s+/u;

/**
 * A headline's label of a few more words, whose speaker is a name in it: "Black Democrats to Hillary Clinton: ..."
 * (who speaks to whom), "Obama on Climate Change: ..." and "Trump lament on missing supporters: ..." (the name that
 * opens it), "A lesson from Loretta Lynch: ..." (the name after "from"), "Internet phenomenon Ken Bone: ..." (a
 * description before the name is part of it). The name's offsets in `text` and where the statement starts, or null
 * (a comma, a possessive or a figure makes the label a phrase of the headline's own: "Trump's transfers in October:").
 */
function framedHeadlineLabel(text: string): { name: [number, number]; labelEnd: number } | null {
  const m = /^([^:,;.!?"“”$\d]{3,80}):\s+/u.exec(text);
  if (!m || /['’]s\b/u.test(m[1]!)) return null;
  const words = m[1]!.split(' ');
  if (words.length < 2 || words.length > 7 || words.some((w) => w === '')) return null;
  const cap = (w: string): boolean => /^\p{Lu}/u.test(w);
  const run = (from: number): number => {
    let k = from;
    while (k < words.length && cap(words[k]!)) k++;
    return k;
  };
  const span = (a: number, b: number): [number, number] => {
    const start = words.slice(0, a).join(' ').length + (a > 0 ? 1 : 0);
    return [start, start + words.slice(a, b).join(' ').length];
  };
  const result = (a: number, b: number): { name: [number, number]; labelEnd: number } | null =>
    b > a && b - a <= 4 && !NON_NAME_CAPS.has(words[a]!.toLowerCase()) ? { name: span(a, b), labelEnd: m[0].length } : null;
  // "A lesson from Loretta Lynch": the name after "from" or "by" that ends the label
  const from = words.findIndex((w) => w === 'from' || w === 'by');
  if (from > 0 && /^(A|An|The)$/.test(words[0]!) && run(from + 1) === words.length) return result(from + 1, words.length);
  const first = run(0);
  if (first === 0) return null;
  // "Internet phenomenon Ken Bone": lower-case nouns between an opening capitalised word and the closing name, the
  // whole is one description and name
  const name = words.findIndex((w, k) => k > first && cap(w));
  const nouns = words.slice(first, name);
  if (name > first && run(name) === words.length && words.length <= 5 && nouns.every((w) => !FUNCTION_WORD.test(w) && !/(s|ed)$/.test(w)))
    return { name: span(0, words.length), labelEnd: m[0].length };
  // ("Netanyahu and Obama: A tortured relationship": two names are what the headline is about)
  if (words[first] === 'and' || words[first] === '&') return null;
  // "Black Democrats to Hillary Clinton", "Obama on Climate Change", "Trump lament on missing supporters": the opening name
  return first < words.length ? result(0, first) : null;
}

const FUNCTION_WORD = /^(to|on|of|for|from|by|in|at|with|about|and|or|the|a|an|vs|versus|over|after|before)$/;
const EDITORIAL_LABEL =
  /^(NOTE|NOTES|CORRECTIONS?|CLARIFICATIONS?|UPDATES?|UPDATED|READERS|EDITOR['’]S|EDITORS['’]?|RELATED|ADVERTISEMENT|PHOTOS?|VIDEOS?|WATCH|READ|SEE|SOURCES?|DISCLOSURE|DISCLAIMER|CONTRIBUTING)$/u;
const TRANSCRIPT_LABEL = /^(["“]?)(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):\s+/u;

function countWordsIn(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
