import { stemOf } from './cue-model.js';
import { REPORTING_LEXICON, SPEECH_VERBS } from './lexicon.js';

/**
 * Whether an attribution reports something said (or written, announced, argued), as `/quote` promises:
 * "who said what". The analyzer also finds attributions of belief, plan, appearance or action, because
 * its gold set (PolNeAR) counts them: "Volcker seemed to acknowledge that …", "the company is expected
 * to …", "Baker appeared to patch over the rift", "Baker agreed to support …". A reader who asked for
 * quotes takes those for words put in someone's mouth, so `/quote` leaves out a reported attribution
 * whose cue is one of those and no word of speech; the store keeps them all.
 */
export function isSpeechAct(quote: { kind: 'direct' | 'reported'; verb: string | null }): boolean {
  // A quotation in quotation marks is someone's words whatever verb attributes it.
  if (quote.kind === 'direct') return true;
  if (!quote.verb) return false;
  const words = quote.verb
    .toLowerCase()
    .split(/[^a-z-]+/)
    .filter(Boolean);
  if (words.some((w) => COMMUNICATION_WORDS.has(w) || SPEECH_STEMS.has(stemOf(w)))) return true;
  return !words.some((w) => NOT_SPEECH.has(w) || NOT_SPEECH_STEMS.has(stemOf(w)));
}

/**
 * The reporting verbs by stem ("insisted", "insisting"), but for "according", whose stem is also the noun "accord",
 * and "cite": what is cited ("…, citing a government report", "citing weak demand") is a source or a reason the
 * speaker gave, not words of theirs, so `/quote` must not show it as a quotation. ("was cited as saying …" still
 * reports through "saying".)
 */
const SPEECH_STEMS: ReadonlySet<string> = new Set(
  [...SPEECH_VERBS, 'speak', 'spoke', 'talk', 'mention', 'assert', 'state', 'announce', 'hint', 'indicate', 'disclose', 'reveal']
    .filter((w) => w !== 'agreed' && w !== 'agrees')
    .map(stemOf)
    .filter((stem) => stem !== stemOf('cite')),
);

/** Cue words that report speech, as written: nouns of speech and "according (to)". */
const COMMUNICATION_WORDS: ReadonlySet<string> = new Set(
  'according statement statements interview communique announcement testimony briefing memo letter'.split(' '),
);

/**
 * Cues of belief, plan, appearance, expectation or an act ("seemed", "is expected", "plans", "agreed
 * to", "voted", "appointed"), the noun "accord" ("an international accord to …") and "cite" (above): by stem…
 */
const NOT_SPEECH_STEMS: ReadonlySet<string> = new Set(
  (
    'seem appear expect plan want hope believe think know sure convinced decide vote make put go intend wish fear ' +
    'worry feel prefer need aim seek rate schedule show find interest decline refuse allow offer approve list ' +
    'produce impose give draw appoint agree accord like refer cite ' +
    // The lexicon's attitudes (PolNeAR's beliefs and feelings): "Volcker enjoys the respect of …". But
    // for "see", the wire's word for a forecast given ("dealers see the dollar falling"), and "conclude",
    // what a report or inquiry states.
    REPORTING_LEXICON.attitude
      .split(' ')
      .filter((w) => w !== 'see' && w !== 'conclude')
      .join(' ')
  )
    .split(' ')
    .map(stemOf),
);
/** …and as written (forms the stemmer does not bring back to their verb). */
const NOT_SPEECH: ReadonlySet<string> = new Set(
  // "against": a price quoted against another ("1.7733/38 marks against 1.7975/85 in New York")
  'made went gone out sought felt found thought gave drew about telephone against knew understood saw seen'.split(' '),
);
