/**
 * The spans that recognition and resolution pass along: a word of the text, a recognised name with its
 * gazetteer candidates, a resolved one, and a name set aside until the story places it.
 */
import type { Candidate, Ranked } from '../resolve.js';

export interface Token {
  start: number;
  end: number;
  text: string;
  upper: boolean;
  /** Folded once (without a final dot); n-gram keys are these joined by spaces. */
  key: string | null;
  /** The word had a possessive `'s`, cut off: inside a longer name it is kept (`People's Republic of China`). */
  possessive: boolean;
}

/** A recognised span with its candidates, before resolution. */
export interface FoundSpan {
  name: string;
  start: number;
  end: number;
  candidates: Candidate[];
}

/** A resolved span: the chosen entry and the ranking it came from. */
export interface ResolvedSpan extends FoundSpan {
  ranked: Ranked[];
  chosen: number;
  /** Chosen among the places inside the state or country written after it (`Paris, Missouri`). */
  narrowed?: boolean;
  /** Read by words that speak of this mention only (`the Georgia Democrat`): no other mention of the name follows it. */
  local?: boolean;
}

/** A small town's name left out only for want of a cue where it stood (see withPlacedLater). */
export interface DeferredSpan {
  key: string;
  span: FoundSpan;
}
