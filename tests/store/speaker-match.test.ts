import { describe, expect, it } from 'vitest';
import { namedBySpeakerQuery, speakerAliases, speakerNamedBy } from '../../src/store/speaker-match.js';

describe('speakerNamedBy: what speaker:NAME finds', () => {
  it('finds the speaker whose name the words end, whole words, any case', () => {
    expect(speakerNamedBy('James Baker', 'Baker')).toBe(true);
    expect(speakerNamedBy('James Baker', 'james baker')).toBe(true);
    expect(speakerNamedBy('Ahmad Abu Khawla', 'Abu Khawla')).toBe(true);
    expect(speakerNamedBy('Chirac and Reagan', 'Reagan')).toBe(true);
    expect(speakerNamedBy('Martin Luther King Jr.', 'King')).toBe(true);
    expect(speakerNamedBy('OPEC', 'opec')).toBe(true);
  });

  it('not a name that only holds the words: an organisation or a description', () => {
    expect(speakerNamedBy('Bakersfield', 'Baker')).toBe(false);
    expect(speakerNamedBy('The Reagan administration', 'Reagan')).toBe(false);
    expect(speakerNamedBy("a former chairman of President Reagan's Council of Economic Advisers", 'Reagan')).toBe(false);
    expect(speakerNamedBy('a Reagan administration official', 'Reagan')).toBe(false);
  });

  it('reads the query as text, not as a pattern', () => {
    expect(speakerNamedBy('A.B. Smith', 'A.B. Smith')).toBe(true);
    expect(speakerNamedBy('AxB Smith', 'A.B Smith')).toBe(false);
    expect(speakerNamedBy('Smith (UK)', '(UK)')).toBe(true);
  });

  it('aliases are the endings of the query', () => {
    expect(speakerAliases("Treasury Secretary James Baker's")).toEqual([
      'Treasury Secretary James Baker',
      'Secretary James Baker',
      'James Baker',
      'Baker',
    ]);
  });
});

describe('namedBySpeakerQuery', () => {
  it('keeps, in order, the rows whose speaker the query names as whole words or as one of its endings, and drops names that only hold its letters', () => {
    const rows = ['Bakersfield official', 'James Baker', 'BAKER', 'Baker Hughes Inc', 'Treasury Secretary James Baker Jr.'].map(
      (speaker) => ({ speaker }),
    );
    expect(namedBySpeakerQuery(rows, 'Baker').map((r) => r.speaker)).toEqual([
      'James Baker',
      'BAKER',
      'Treasury Secretary James Baker Jr.',
    ]);
    // "Treasury Secretary James Baker" names the stored "James Baker" and "Baker" (its endings), not "Baker Hughes Inc"
    expect(namedBySpeakerQuery(rows, 'Treasury Secretary James Baker').map((r) => r.speaker)).toEqual([
      'James Baker',
      'BAKER',
      'Treasury Secretary James Baker Jr.',
    ]);
  });
});
