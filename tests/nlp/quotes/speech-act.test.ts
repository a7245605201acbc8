import { describe, expect, it } from 'vitest';
import { isSpeechAct } from '../../../src/nlp/quotes/speech-act.js';

const reported = (verb: string | null) => ({ kind: 'reported' as const, verb });

describe('isSpeechAct: what /quote lists', () => {
  it('keeps quotations in quotation marks whatever attributes them', () => {
    expect(isSpeechAct({ kind: 'direct', verb: 'seemed' })).toBe(true);
    expect(isSpeechAct({ kind: 'direct', verb: null })).toBe(true);
  });

  it('keeps reported speech: said, told, according to, warned, in a statement, inflections of the speech verbs', () => {
    for (const verb of [
      'said',
      'also said',
      'had said',
      'told',
      'according to',
      'warned',
      'statement said',
      'insisting',
      'also hinted',
      'forecast',
      'called',
      // a forecast given, a report's finding
      'sees',
      'concluded',
    ])
      expect(isSpeechAct(reported(verb)), verb).toBe(true);
  });

  it('leaves out belief, plan, appearance and the noun "accord"', () => {
    for (const verb of [
      'seemed',
      'appeared',
      'is expected',
      'plans',
      'was worried',
      'first appointed',
      'accord',
      'declined',
      'believes',
      'was referring',
      // attitudes and a price quoted against another: "Volcker enjoys the respect of …", "1.7733/38 marks against …"
      'enjoys',
      'respects',
      'understood',
      'against',
      null,
    ])
      expect(isSpeechAct(reported(verb)), String(verb)).toBe(false);
  });

  it('leaves out what a speaker cited: a source or a reason, not their words ("…, citing a government report")', () => {
    for (const verb of ['citing', 'cited', 'has cited', 'cites', 'repeatedly cited']) expect(isSpeechAct(reported(verb)), verb).toBe(false);
    // a quotation reported through "cited … as saying" still is one
    expect(isSpeechAct(reported('was cited by local media as saying'))).toBe(true);
  });
});
