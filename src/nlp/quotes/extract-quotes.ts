/**
 * The quote extractor's entry point: `extractQuotes` normalises NYT and Reuters typography, finds direct
 * quotations (direct-quotes.ts), reported speech (reported-speech.ts, with build-reported.ts for each report's
 * bounds and speaker), run-on quotations (run-on-quotations.ts) and labelled statements
 * (labelled-statements.ts), and resolves speakers (resolve-speakers.ts). The version stored stories are analysed
 * with is in analyzer-version.ts and re-exported here.
 */
import type { Quote, Sentence } from '../types.js';
import type { CueModel } from './cue-model.js';
import { findDirectQuotes } from './direct-quotes.js';
import { FRAGMENT_JOINER, quoteFragments } from './fragments.js';
import { labelledStatements } from './labelled-statements.js';
import modelJson from './model.json' with { type: 'json' };
import { paragraphSpans } from './quoted-spans.js';
import { extractReported } from './reported-speech.js';
import { resolveSpeakers } from './resolve-speakers.js';
import { joinRunOnQuotations, lastSpeakerBefore } from './run-on-quotations.js';
import { tokenize } from './tokens.js';

export { QUOTE_ANALYZER_VERSION } from './analyzer-version.js';

const MODEL = modelJson as CueModel;

/**
 * Quotations and attributions in an article body (issue 5), with offsets into `body`.
 * `sentences` are `splitSentences(body)`: the ingester splits once and shares the result.
 * Direct quotes come from quotation marks; reported speech from cue words scored by a small learned
 * model; speakers are resolved to names where the text allows it, else "unknown".
 */
export function extractQuotes(original: string, sentences: readonly Sentence[], model: CueModel = MODEL): Quote[] {
  const body = normalizeCompanyMarks(normalizeQuoteMarks(original));
  // a story's paragraphs, found once: direct quotes, run-on quotations, unsigned ones and labels all look at them
  const paragraphs = paragraphSpans(body);
  const { quoted, used, direct } = findDirectQuotes(body, sentences, paragraphs);
  // each sentence is tokenized once, for the cue model and for the name finder
  const sentenceTokens = sentences.map((s) => tokenize(body, s.start, s.end));
  const found = extractReported(body, sentences, sentenceTokens, quoted, used, direct, model);
  const { reported, runOn } = joinRunOnQuotations(body, paragraphs, sentences, found, direct, quoted);
  const unjoined = direct.filter((d) => !runOn.has(d)).map((d) => lastSpeakerBefore(paragraphs, d, reported));
  const labelled = labelledStatements(body, paragraphs, [...unjoined, ...reported]);
  const raw = [...unjoined, ...reported, ...labelled].sort((a, b) => a.start - b.start || a.end - b.end);
  const quotes = resolveSpeakers(
    body,
    sentences,
    raw,
    sentenceTokens,
    quoted.map((q) => [q.open, q.close] as const),
  );
  if (body === original) return quotes;
  // texts as the story wrote them (offsets are the same: the normalisation keeps lengths)
  return quotes.map((q) => {
    const fragments = quoteFragments(body, q);
    // (content or a mention closing on a doubled apostrophe holds both: `it was ''not in line with our policy.''`)
    const last = fragments[fragments.length - 1]!;
    if (endsInsideDoubledApostrophe(original, last[1])) last[1]++;
    // (content opening on a company's bracketed name keeps its opening bracket: `<Qantas Airways Ltd> has placed`, not
    // `Qantas Airways Ltd> has placed`)
    const first = fragments[0]!;
    const close = original.indexOf('>', first[0]);
    if (original[first[0] - 1] === '<' && close >= 0 && close < first[1] && !original.slice(first[0], close).includes('<')) first[0]--;
    const m = q.speakerMention;
    const mention = m && endsInsideDoubledApostrophe(original, m.end) ? { ...m, end: m.end + 1 } : m;
    return {
      ...q,
      speakerMention: mention,
      start: Math.min(q.start, first[0]),
      end: Math.max(q.end, last[1]),
      text: fragments.map(([a, b]) => original.slice(a, b)).join(FRAGMENT_JOINER),
    };
  });
}

/** Whether a span ending at `end` holds the first of a doubled apostrophe (the NYT's closing mark) but not the second. */
function endsInsideDoubledApostrophe(text: string, end: number): boolean {
  return text.startsWith("''", end - 1) && text.charAt(end + 1) !== "'";
}

/**
 * NYT copy writes quotation marks as two apostrophes (`''We will win,'' he said.`). They become
 * curly marks of the same length (`␠“` and `”␠`), so every offset still points into the original.
 */
export function normalizeQuoteMarks(body: string): string {
  if (!body.includes("''")) return body;
  return body.replace(/''(?!')/g, (m: string, at: number) => {
    const before = at === 0 ? '' : body.charAt(at - 1);
    return before === '' || /[\s([{—–-]/.test(before) ? ' “' : '” ';
  });
}

/**
 * Reuters marks a company name with angle brackets (`<Westmin Resources Ltd> said it plans ...`, `Sweden's <OK Petroleum
 * AB>`) and its ticker likewise (`Penzoil Co <PZL>`); a private company opening a paragraph sometimes in parentheses
 * (`(Credithrift Financial Corp) said ...`). The marks are typography, not words: a name in them is the subject of its
 * verb like any other, so they become spaces; a ticker (capitals, digits and dots only, no space) keeps them, so that
 * it does not run on into the names around it ("Moseley Holdings Corp MOSE"). Lengths are kept, so every offset still
 * points into the original.
 */
export function normalizeCompanyMarks(body: string): string {
  if (!body.includes('<') && !body.includes('(')) return body;
  return (
    body
      // (a ticker keeps its brackets: they end the name before it, "Apple Computer Inc <AAPL.O> Apple IIGS")
      .replace(/<(\p{Lu}[^<>]{0,80})>/gu, (m: string, name: string) => (/^[A-Z0-9.&'-]+$/.test(name) ? m : ` ${name} `))
      .replace(/(^|\n)(\s*)\((\p{Lu}[^()]{0,80})\)(?=,?\s+\p{Ll})/gu, (m: string, nl: string, space: string, name: string, at: number) =>
        // (only where a paragraph or sentence starts: "Robert Dole\n(R-Kan.) said" is a wrapped line, not a company)
        at === 0 || /(^|[.!?:"”])\s*$/.test(body.slice(Math.max(0, at - 40), at)) ? `${nl}${space} ${name} ` : m,
      )
  );
}
