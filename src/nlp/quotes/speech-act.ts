import { stemOf } from './cue-model.js';
import { REPORTING_LEXICON, SPEECH_VERBS } from './lexicon.js';

/**
 * Whether an attribution reports something said (or written, announced, argued), as `/quote` promises:
 * "who said what". The analyzer also finds attributions of belief, plan, appearance or action, because
 * its gold set (PolNeAR) counts them: "Volcker seemed to acknowledge that …", "the company is expected
 * to …", "Baker appeared to patch over the rift", "Baker agreed to support …". A reader who asked for
 * quotes takes those for words put in someone's mouth, so `/quote` leaves out a reported attribution
 * whose cue is one of those and no word of speech, and one whose cue names no way of saying or judging at
 * all (on wire copy, mostly nouns and verbs of business the cue model learned from PolNeAR: "factory
 * orders fell", "shares rose", "posted gains"); the store keeps them all.
 */
export function isSpeechAct(quote: { kind: 'direct' | 'reported'; verb: string | null }): boolean {
  // A quotation in quotation marks is someone's words whatever verb attributes it.
  if (quote.kind === 'direct') return true;
  if (!quote.verb) return false;
  const words = quote.verb
    .toLowerCase()
    .split(/[^a-z-]+/)
    .filter(Boolean);
  if (words.length === 1 && LONE_NOUNS.has(words[0]!)) return false;
  if (words.some((w) => COMMUNICATION_WORDS.has(w) || SPEECH_STEMS.has(stemOf(w)))) return true;
  if (words.some((w) => NOT_SPEECH.has(w) || NOT_SPEECH_STEMS.has(stemOf(w)))) return false;
  // ("X: ...", a headline's or a transcript's label: punctuation is all its cue)
  if (words.length === 0) return true;
  // Any other cue must name a way of saying or judging: the cue model also learned nouns and verbs of business
  // that a wire story is full of ("factory orders fell", "commercial paper outstanding", "shares rose", "posted
  // gains", "continued to rise"), and a /quote reader would see them as words put in someone's mouth.
  return words.some((w) => SAYING_STEMS.has(stemOf(w)));
}

/**
 * Verbs of communication and judgement outside the speech verbs (Levin's classes 37 and 33, and 29.2 "call", "label"):
 * "proposed", "urged", "confirmed", "criticised", "called (for)", "predicted". By stem.
 */
const SAYING_STEMS: ReadonlySet<string> = new Set(
  [
    ...REPORTING_LEXICON.judge.split(' '),
    ...(
      'confirm propose suggest recommend urge reiterate welcome pledge vow promise predict forecast estimate speculate ' +
      'allege complain demand plead appeal concede threaten deny respond reply comment discuss outline express voice ' +
      'echo hail inform advise assure remind caution contend maintain dispute question protest object reject thank ' +
      'apologize apologise congratulate signal calculate project see conclude rule testify declare proclaim remark ' +
      'observe request ask lobby petition press push deplore regret acknowledge admit insist argue disagree ' +
      'brag chant retweet detail address advocate clarify interrupt pronounce rail bemoan grill reference argument'
    ).split(' '),
  ].map(stemOf),
);

/**
 * The reporting verbs by stem ("insisted", "insisting"), but for "according", whose stem is also the noun "accord",
 * and "cite": what is cited ("…, citing a government report", "citing weak demand") is a source or a reason the
 * speaker gave, not words of theirs, so `/quote` must not show it as a quotation. ("was cited as saying …" still
 * reports through "saying".)
 */
const SPEECH_STEMS: ReadonlySet<string> = new Set(
  [...SPEECH_VERBS, 'speak', 'spoke', 'talk', 'mention', 'assert', 'state', 'announce', 'hint', 'indicate', 'disclose', 'reveal']
    // ("prices continued to rise", "posted gains": the verbs of a quotation's attribution are no report by themselves)
    .filter((w) => !/^(agreed|agrees|continued|continues|posted)$/.test(w))
    .map(stemOf)
    .filter((stem) => stem !== stemOf('cite')),
);

/**
 * Nouns that share a stem with a verb of speech or judgement and, as a cue on their own, head a noun phrase of a wire
 * story ("wage talks broke down", "Japanese demand", "export credits", "a leading indicator", "takeover speculation").
 */
const LONE_NOUNS: ReadonlySet<string> = new Set(
  'talks demand demands support credit credits indicator indicators indices indication indications nominal speculation speculative'.split(
    ' ',
  ),
);

/** Cue words that report speech, as written: nouns of speech and "according (to)". */
const COMMUNICATION_WORDS: ReadonlySet<string> = new Set(
  'according statement statements interview communique announcement testimony briefing memo letter letters'.split(' '),
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
