import type { Quote } from '../../src/nlp/types.js';

/** A direct quotation by `speaker` at `start`, with nothing resolved or described: as store tests store them. */
export function saidBy(speaker: string, start: number, text = `words ${start}`): Quote {
  return {
    text,
    kind: 'direct',
    speaker,
    speakerMention: null,
    speakerDescription: null,
    speakerResolved: null,
    verb: 'said',
    start,
    end: start + text.length,
  };
}
