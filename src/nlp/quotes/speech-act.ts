import { stemOf } from './cue-model.js';
import { SPEECH_VERBS } from './lexicon.js';

/**
 * Whether an attribution reports something said (or written, announced, forecast), as `/quote`
 * promises: "who said what". The analyzer also finds attributions of belief, plan or appearance,
 * because its gold set (PolNeAR) counts them: "Volcker seemed to acknowledge that …", "the company is
 * expected to …", "Baker appeared to patch over the rift". A reader who asked for quotes takes those
 * for words put in someone's mouth, so `/quote` lists speech only; the store keeps them all.
 */
export function isSpeechAct(quote: { kind: 'direct' | 'reported'; verb: string | null }): boolean {
  // A quotation in quotation marks is someone's words whatever verb attributes it.
  if (quote.kind === 'direct') return true;
  if (!quote.verb) return false;
  return quote.verb
    .toLowerCase()
    .split(/[^a-z-]+/)
    .some((w) => COMMUNICATION_WORDS.has(w) || SPEECH_STEMS.has(stemOf(w)));
}

/** The reporting verbs by stem ("insisted", "insisting"), but for "according", whose stem is also the noun "accord". */
const SPEECH_STEMS: ReadonlySet<string> = new Set([...SPEECH_VERBS].map(stemOf));

/** Cue words that report speech beyond the verbs that introduce a quotation (`SPEECH_VERBS`), as written. */
const COMMUNICATION_WORDS: ReadonlySet<string> = new Set(
  (
    'according statement statements interview hinted hints indicated indicates forecast forecasts forecasting ' +
    'estimated estimates estimate disclosed discloses revealed reveals proposed proposes recommended recommends ' +
    'called calls calling demanded demands threatened threatens accused accuses alleged alleges speculated ' +
    'expressed expresses signalled signaled signals announcement report memo letter testimony briefing ' +
    'communique ruled rules advised advises informed informs notified forecasted projected projects call ' +
    'demand blamed blames criticised criticized criticises criticizes questioned'
  ).split(' '),
);
