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
  /** The speaker resolved to a name ("Ahmad Abu Khawla", "the Syrian government"), or "unknown". */
  speaker: string;
  /** Where the speaker is mentioned for this quote, as written ("he", "Abu Khawla"); null when not in the text. */
  speakerMention: Span | null;
  /** The appositive ("a commander of the military council") when given. */
  speakerDescription: string | null;
  /** The reporting verb or cue ("said", "was cited as saying", "according to"). */
  verb: string | null;
}
