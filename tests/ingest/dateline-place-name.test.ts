import { describe, expect, it } from 'vitest';
import { placeFromDateline } from '../../src/ingest/article-fields.js';
import { parseWireText } from '../../src/ingest/formats/wire-text.js';

describe('placeFromDateline', () => {
  it.each([
    ['SPRINGFIELD, Va., March 11 -', 'Springfield, Va.'],
    ['JACKSON, MICH., Oct 19 -', 'Jackson, Mich.'],
    ['LEVITTOWN, N.Y., Oct 19 -', 'Levittown, N.Y.'],
    ['KINGSTON, Jamaica, March 2 -', 'Kingston, Jamaica'],
    ['PALM BEACH, Fla, Oct 19 -', 'Palm Beach, Fla'],
    ['ST. JOSEPH, MO., Oct 19 -', 'St. Joseph, Mo.'],
    ['NEW YORK, March 3 -', 'New York'],
    ['DAMASCUS, Sept. 9 (Xinhua) --', 'Damascus'],
    ['WASHINGTON, March 2 (Reuter) -', 'Washington'],
    ['TOKYO (Reuter) -', 'Tokyo'],
    ['DEIR AL-ZOUR, Syria, Sept. 9 -', 'Deir al-Zour, Syria'],
  ])('%s → %s', (dateline, place) => {
    expect(placeFromDateline(dateline)).toBe(place);
  });
});

describe("a wire story's dateline with its country", () => {
  it('keeps the country after the town, each part cased as a name', () => {
    const header = ' date 2017-09-09 Source: Xinhua| 2017-09-09 19:03:53|Editor: Lu Hui\n\n';
    const [r] = parseWireText(`${header}RAQQA, Syria, Sept. 9 (Xinhua) -- Fighting went on.`, 'x.txt', new Date('2017-09-10T00:00:00Z'));
    expect(r?.ok && r.article.datelinePlace).toBe('Raqqa, Syria');
  });
});
