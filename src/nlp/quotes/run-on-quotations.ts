/**
 * Quotations that go on from reported speech. A run-on quotation with no attribution of its own that opens the
 * sentence right after a report joins that report ("The deal may stall, Schiff said. "The other factor is
 * ...""), and an unsigned quotation takes the speaker reported between it and the quotation it inherited from.
 * Separate because both join the results of direct quotes and reported speech, after both are found.
 */
import type { Sentence } from '../types.js';
import { FRAGMENT_JOINER } from './fragments.js';
import type { QuotedSpan } from './quoted-spans.js';
import type { RawQuote } from './resolve-speakers.js';
import { paragraphIndex, trimSpan } from './token-spans.js';

/**
 * "The deal may stall, Schiff said. "The other factor is ..."": a quotation with no attribution of its own that opens
 * the sentence right after reported speech goes on with that report (the speaker moves from paraphrase to his own
 * words), so it is one attribution of two fragments. Returns the reports with such quotations joined on, and the
 * quotations joined.
 */
export function joinRunOnQuotations(
  body: string,
  paragraphs: readonly [number, number][],
  sentences: readonly Sentence[],
  reported: readonly RawQuote[],
  direct: readonly RawQuote[],
  quoted: readonly QuotedSpan[],
): { reported: RawQuote[]; runOn: Set<RawQuote> } {
  const runOn = new Set<RawQuote>();
  const out = reported.map((r) => {
    if (!r.mention) return r;
    const si = sentences.findIndex((s) => s.start <= r.start && r.start < s.end);
    const own = sentences[si];
    const next = sentences[si + 1];
    // (the report's attribution is in its own sentence, and the report ends that sentence's content)
    // ("..., Schiff said." after its content: the writer hands over to the speaker's words)
    if (!own || !next || r.end > own.end || r.mention.start < r.end || r.mention.end > own.end) return r;
    // the quotation that opens the next sentence (a direct quote of its own only when nothing attributes it; one that
    // nothing attributes and nothing inherits was dropped as a title or slogan, but after a report it is the speaker's)
    const q = quoted.find((x) => x.direct && x.open >= next.start && x.open - next.start <= 1);
    if (!q) return r;
    const d = direct.find((x) => x.start > q.open && x.end <= q.close);
    if (d && (!d.inheritedFrom || runOn.has(d))) return r;
    // (within its paragraph: a new paragraph is a new turn)
    if (paragraphIndex(paragraphs, q.open) !== paragraphIndex(paragraphs, r.start)) return r;
    const [start, end] = trimSpan(body, q.open + 1, q.close);
    if (end <= start) return r;
    if (d) runOn.add(d);
    return { ...r, end, text: r.text + FRAGMENT_JOINER + body.slice(start, end) };
  });
  return { reported: out, runOn };
}

/**
 * A quotation nobody signs takes the speaker of the quotation before it (mergeContinuations); but when someone else
 * was reported speaking in between, in the same paragraph or the one before, that is who goes on:
 * `Valerio said the next formal talks would be Monday. "It will be the last one ..."` is Valerio's, not the
 * spokesman's whose quotation came a paragraph earlier.
 */
export function lastSpeakerBefore(paragraphs: readonly [number, number][], d: RawQuote, reported: readonly RawQuote[]): RawQuote {
  const from = d.inheritedFrom;
  if (!from || from.start > d.start) return d;
  const at = paragraphIndex(paragraphs, d.start);
  const between = reported.filter(
    (r) => r.mention && r.start > from.end && r.end <= d.start && at - paragraphIndex(paragraphs, r.start) <= 1 && r.mention.end <= d.start,
  );
  const last = between[between.length - 1];
  if (!last) return d;
  return { ...d, mention: last.mention, name: last.name ?? null, description: last.description, verb: last.verb, inheritedFrom: last };
}
