/** Character offsets into an article's `body` (UTF-16 code units, as JS strings index). */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Position in the article, 0-based. */
  index: number;
  text: string;
}

/** A sentence with its summary-worthiness, computed once at ingest and stored. */
export interface ScoredSentence extends Sentence {
  score: number;
}

export type QuoteKind = 'direct' | 'reported';

/** One attribution: who said what, with offsets into the body. */
export interface Quote extends Span {
  /** The quoted or reported content. */
  text: string;
  kind: QuoteKind;
  /**
   * Who said it, for display and the `speaker:` filter: the resolved name when there is one, else the
   * mention as written ("one U.S. analyst"), else "unknown".
   */
  speaker: string;
  /**
   * Where the speaker is mentioned for this quote, as written ("he", "Abu Khawla", "Michael Mulgrew,
   * president of the United Federation of Teachers"): the whole noun phrase with its appositive; null
   * when not in the text.
   */
  speakerMention: Span | null;
  /**
   * The named person or organisation the mention refers to (issue 15): "he" → the most recent
   * compatible named speaker, "the treasury secretary" → "James Baker", "Baker" → "James Baker". `name`
   * has no titles; start/end locate the naming mention it was resolved to (this quote's own name when it
   * names the speaker). Null when nothing names the speaker ("one U.S. analyst", an unresolvable "he").
   */
  speakerResolved: { name: string; start: number; end: number } | null;
  /** The appositive ("a commander of the military council") when given. */
  speakerDescription: string | null;
  /** The reporting verb or cue ("said", "was cited as saying", "according to"). */
  verb: string | null;
}
