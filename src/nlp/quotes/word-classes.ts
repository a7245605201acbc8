/**
 * Word classes the quote rules share: finite and core speech verbs, prepositions, subject pronouns,
 * subordinators, the words that open a framing phrase or want a complement, and the one-token tests built on
 * them (an adverb, a common noun, a possessive, an infinitive, a speech act). They are here, apart from any one
 * rule, because direct quotes, reported-speech cue scoring, a report's bounds and its speaker all read them;
 * every other word list lives beside the only rule that uses it.
 */
import { reportingClass } from './cue-model.js';
import { DETERMINERS, SPEECH_VERBS, WEEKDAY } from './lexicon.js';
import type { Token } from './tokens.js';

export const SHOW = /^(show|shows|showed|showing)$/;
/** What "about" rounds when it means "roughly": a figure, a fraction or a number word. */
export const APPROXIMATED =
  /^(\$|\d.*|half|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|one-third|two-thirds|one-quarter|three-quarters)$/;
/** Nouns of records, polls and documents, which show what they hold. */
const EVIDENCE =
  /^(polls?|polling|records?|data|e-?mails?|documents?|analysis|analyses|stud(y|ies)|surveys?|filings?|disclosures?|figures|statistics|transcripts?|videos?|footage|results|memos?|tapes?|files|minutes|returns|logs)$/;

/** Whether an evidence noun is the subject right before the verb at `i` ("records show", "polls out Monday show"). */
export function evidenceBefore(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  if (WEEKDAY.test(tokens[k]?.lower ?? '') && /^(out|released|published)$/.test(tokens[k - 1]?.lower ?? '')) k -= 2;
  return EVIDENCE.test(tokens[k]?.lower ?? '');
}

/** A lower-case word that is no verb form, auxiliary, adverb or particle: a common noun ("questioner", "statement"). */
export function nounLike(t: Token): boolean {
  return (
    t.isWord &&
    !t.isCap &&
    !FINITE.test(t.lower) &&
    !isAdverb(t) &&
    !/(ed|ing)$/.test(t.lower) &&
    !SPEECH_VERBS.has(t.lower) &&
    !/^(not|also|still|now|already|never|just|even|as|to|then|first|once|ever|always|often|been|being|later|again)$/.test(t.lower)
  );
}

/** Verbs and nouns in -ly that are no adverbs. */
const NOT_ADVERB =
  /(^(re|ap|sup|com|im|multi)ply|^rally|^tally|^ally|^bully|^sully|^dally|^family|^assembly|^anomaly|^monopoly|^italy|^july)$/;
/** An adverb of manner, degree or time ("strongly", "repeatedly", "publicly"), not a verb or noun in -ly ("reply", "rally"). */
export function isAdverb(t: Token): boolean {
  return t.isWord && !t.isCap && /^[a-z]{2,}ly$/.test(t.lower) && !NOT_ADVERB.test(t.lower) && !SPEECH_VERBS.has(t.lower);
}

export const OBJECT_TAKING =
  /^(told|tells|tell|telling|asked|asks|urged|urges|warned|warns|assured|assures|informed|informs|reminded|reminds|convinced|persuaded)$/;

/** "Trump's", "the union's": a possessive, not a contraction ("he's", "that's", "let's"). */
export function isPossessive(t: Token): boolean {
  return /['’]s$/.test(t.lower) && !/^(he|she|it|that|what|there|who|here|let)['’]s$/.test(t.lower);
}

export const PRONOUN_SUBJECT = /^(he|she|they|it|we|i|you|who|which|that)$/;
export const PREPOSITION_START = /^(by|as|against|for|on|of|to|in|with|at|from|about|into|over|under|during|after|before)$/;
export const CORE_SPEECH =
  /^(said|says|say|told|tells|added|adds|reported|reports|wrote|writes|noted|argued|claimed|insisted|warned|stated|announced|acknowledged|explained|believes|believe|thinks|think)$/;
export const FINITE =
  /^(is|was|are|were|will|would|has|have|had|can|could|should|may|might|must|did|does|do|be|isn['’]t|wasn['’]t|won['’]t|don['’]t|doesn['’]t|didn['’]t|can['’]t)$/;

export const SUBJECT_PRONOUN = /^(he|she|they|we|I|He|She|They|We)$/;

export const SUBORDINATOR = /^(while|although|though|whereas|if|when|because|since|after|before|once|unless|until)$/;
export const FRAMING_START =
  /^(on|in|at|during|after|before|since|from|to|with|via|through|last|this|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|recently|repeatedly|publicly|privately|again|also|previously|separately|late|early)$/;

/** "to" + a lower-case verb-like word ("to triple", "to stop"), not "to the voters". */
export function isInfinitive(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1];
  return (
    !!next &&
    next.isWord &&
    !next.isCap &&
    !DETERMINERS.has(next.lower) &&
    !/^(\d|his|her|its|their|our|my|your|them|him|us|me|this|that|these|those)/.test(next.lower)
  );
}
/** Words that cannot end a clause: a preposition, article, possessive or auxiliary waits for what it governs. */
export const WANTS_COMPLEMENT =
  /^(to|a|an|the|of|from|at|for|with|by|into|onto|its|his|her|their|our|my|your|as|than|had|have|has|was|were|is|are|be|been|would|will|could|should|can|may|might|must)$/;

/** A verb of speaking or of judging aloud ("said", "denounced", "praised"), not of expecting or believing. */
export function speechAct(word: string): boolean {
  return SPEECH_VERBS.has(word) || reportingClass(word) === 'judge';
}
