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

  it("keeps verbs of communication and judgement outside the speech verbs, and a label's colon", () => {
    for (const verb of [
      'proposed',
      'urged',
      'confirmed',
      'criticised',
      'also called',
      'has threatened',
      'disagreed',
      'vowed',
      'rejected',
      ':',
    ])
      expect(isSpeechAct(reported(verb)), verb).toBe(true);
  });

  it('leaves out cues that name no way of saying: nouns and verbs of business a wire story is full of', () => {
    for (const verb of [
      // "factory orders fell", "shares rose", "commercial paper outstanding", "wage talks broke down", "export credits"
      'orders',
      'shares',
      'paper',
      'talks',
      'demand',
      'credits',
      'indicator',
      // "prices continued to rise", "posted gains", "the bonds were issued", "was named chairman", "designed to"
      'continued',
      'posted',
      'issued',
      'was named',
      'is designed',
      'filed',
    ])
      expect(isSpeechAct(reported(verb)), verb).toBe(false);
  });

  it('leaves out what a speaker cited: a source or a reason, not their words ("…, citing a government report")', () => {
    for (const verb of ['citing', 'cited', 'has cited', 'cites', 'repeatedly cited']) expect(isSpeechAct(reported(verb)), verb).toBe(false);
    // a quotation reported through "cited … as saying" still is one
    expect(isSpeechAct(reported('was cited by local media as saying'))).toBe(true);
  });
});
