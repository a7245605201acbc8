import type { Quote } from '../types.js';

/** How the fragments of a discontinuous quotation are joined in `Quote.text` (`"A," he said, "B."`). */
export const FRAGMENT_JOINER = ' … ';

/**
 * The content spans of a quote: one span, or for a quotation interrupted by its attribution the
 * fragments without the attribution between them (as the gold annotation's `spans` does).
 */
export function quoteFragments(body: string, q: Pick<Quote, 'text' | 'start' | 'end'>): [number, number][] {
  if (body.slice(q.start, q.end) === q.text) return [[q.start, q.end]];
  const out: [number, number][] = [];
  let from = q.start;
  for (const piece of q.text.split(FRAGMENT_JOINER)) {
    const at = body.indexOf(piece, from);
    if (at < 0 || at + piece.length > q.end) return [[q.start, q.end]];
    out.push([at, at + piece.length]);
    from = at + piece.length;
  }
  return out;
}
