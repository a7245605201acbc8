import type { ScoredSentence } from '../../nlp/types.js';

/**
 * How `article_sentences.packed` holds a story's scored sentences: `[[start, end, score], …]` as JSON,
 * scores to six decimals; the text is sliced from the body when read.
 */
export type PackedSentence = [start: number, end: number, score: number];

export function packSentences(sentences: readonly ScoredSentence[]): string {
  return JSON.stringify(sentences.map((s) => [s.start, s.end, Math.round(s.score * 1e6) / 1e6]));
}

/** Offsets and scores only (no text). */
export function unpackSentenceScores(packed: string): Omit<ScoredSentence, 'text'>[] {
  const rows = JSON.parse(packed) as PackedSentence[];
  return rows.map(([start, end, score], index) => ({ index, start, end, score }));
}
