import type { Quote } from '../nlp/types.js';

/** murmur3's 32-bit finaliser: every input bit moves every output bit. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A quote's repeat key (speaker-quote-list.ts): equal for the same words by the same speaker with the
 * same cue, filed again (a wire story and its repeats): the fields PostgreSQL's quote_key column hashes. 52 bits
 * (exact as a JS number, an INTEGER in SQLite) from two 32-bit lanes over the UTF-16 units: a collision,
 * which would leave one quote out of a speaker's list, is ~1 in 10^9 for a speaker of 100,000 quotes.
 * Not crypto: it runs for every quote stored (~0.3 µs a quote, a digest would be ~2 µs).
 */
export function quoteRepeatKey(quote: Pick<Quote, 'speaker' | 'speakerResolved' | 'kind' | 'verb' | 'text'>): number {
  return repeatKeyOf(quote.speakerResolved?.name ?? quote.speaker, quote.kind, quote.verb, quote.text);
}

/** `quoteRepeatKey` from a stored quote's columns: the resolved name (else the speaker), kind, verb and text. */
export function repeatKeyOf(name: string, kind: string, verb: string | null, text: string): number {
  const s = `${name}\u0001${kind}\u0001${verb ?? ''}\u0001${text}`;
  let a = 0x811c9dc5 ^ s.length;
  let b = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const high = mix32(a ^ Math.imul(b, 0x27d4eb2f));
  const low = mix32(b ^ high);
  return high * 2 ** 20 + (low >>> 12);
}
