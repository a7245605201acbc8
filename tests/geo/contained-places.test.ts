import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGeoService } from '../../src/geo/geo-service.js';
import type { GeoService, PlaceMention } from '../../src/geo/types.js';
import { repoRoot } from '../helpers/paths.js';

let geo: GeoService;
beforeAll(async () => {
  geo = await loadGeoService({ cacheDir: path.join(repoRoot, 'data/cache') });
}, 120_000);

const mention = (text: string, name: string): PlaceMention | undefined => geo.findPlaces(text).find((m) => m.name === name);

/** The unknown name is found, at its own span, with the point of the place the text puts it in. */
function expectInside(text: string, name: string, container: string): void {
  const m = mention(text, name);
  const c = mention(text, container);
  expect(c?.geonameId).not.toBeNull();
  expect(m).toMatchObject({ start: text.indexOf(name), end: text.indexOf(name) + name.length });
  expect(m?.geonameId).toBe(c?.geonameId);
  expect([m?.lat, m?.lon]).toEqual([c?.lat, c?.lon]);
}

describe('villages, suburbs and camps below the gazetteer take the point of the place the text puts them in', () => {
  it.each([
    [
      'a place noun before a list, then `in`',
      'Rebels shelled the villages of Foua and Kfraya in Idlib on Monday.',
      ['Foua', 'Kfraya'],
      'Idlib',
    ],
    ['a place noun before, then `in`', 'A dead swan was found in the village of Cellardyke in Fife, Scotland.', ['Cellardyke'], 'Fife'],
    [
      'a part of a place after the name',
      'A hospital in the Mukuru kwa Njenga district of Nairobi said so.',
      ['Mukuru kwa Njenga'],
      'Nairobi',
    ],
    [
      'a preposition, then the town after a comma',
      'He ate at a restaurant in Greenlane, Auckland, New Zealand.',
      ['Greenlane'],
      'Auckland',
    ],
    ['an appositive', 'A resident of Mabvuku, a suburb located east of Harare, told reporters.', ['Mabvuku'], 'Harare'],
    ['a state after a comma', 'She worked at the laboratories in Fort Detrick, Maryland for years.', ['Fort Detrick'], 'Maryland'],
    ['a building in its town', 'He was taken by air to University Hospital in Columbia, Missouri.', ['University Hospital'], 'Columbia'],
    [
      'a street before its town after a comma',
      'Amber of Felixstowe Road, Edmonton, will fly out next month.',
      ['Felixstowe Road'],
      'Edmonton',
    ],
    [
      'a name wrapped across lines',
      'Test Facilities at Kirtland Air\nForce Base in Albuquerque.',
      ['Kirtland Air\nForce Base'],
      'Albuquerque',
    ],
    [
      "without the people's adjective that says whose it is",
      'Syrian troops marched into the battered Shatila Palestinian refugee camp in Beirut.',
      ['Shatila'],
      'Beirut',
    ],
    [
      'a preposition, then a town after a comma, with no job before',
      'The plant at Bramalea, Ontario, makes cars.',
      ['Bramalea'],
      'Ontario',
    ],
    [
      "a boulevard after a town's bare possessive",
      "Gunmen opened fire on police on Paris' iconic Champs-Elysees boulevard on Thursday.",
      ['Champs-Elysees'],
      'Paris',
    ],
    ["a park after a town's possessive", "A tree fell on a family at Whittier's Penn Park on Tuesday.", ['Penn Park'], 'Whittier'],
    ['a slum after its town', 'The men were found in their homes in the Nairobi slum Kibera on Sunday.', ['Kibera'], 'Nairobi'],
    ['a suburb of its town', 'Shells fell on the Harare suburb of Mabvukuville overnight.', ['Mabvukuville'], 'Harare'],
    [
      "an airport after a town's possessive, at the sentence's end",
      "Its new operations center is near Atlanta's Hartsfield International Airport. It opens soon.",
      ['Hartsfield International Airport'],
      'Atlanta',
    ],
  ])('%s', (_label, text, names, container) => {
    for (const name of names) expectInside(text, name, container);
  });

  it("not a firm, an index or a person after a town's possessive", () => {
    expect(mention("Tokyo's main Nikkei average fell 2 pct.", 'Nikkei')).toBeUndefined();
    expect(mention("Chicago's First National Bank said it would raise its prime rate.", 'First National Bank')).toBeUndefined();
    expect(mention("Houston's Tenneco Inc said on Monday it agreed.", 'Tenneco Inc')).toBeUndefined();
    // a town or a village needs its `of`, and a capitalised District names a court, not a district
    expect(mention('Snow fell across the Chicago area Tuesday and Wednesday.', 'Tuesday')).toBeUndefined();
    expect(mention('Rain fell in the Chicago area Smithfield said.', 'Smithfield')).toBeUndefined();
    expect(mention('The Tokyo District Court ruled on Monday.', 'Court')).toBeUndefined();
    // a bare apostrophe is a possessive only after a name ending in s: here it opens a quotation
    expect(mention("Officials in Tokyo' Red Square' said.", 'Red Square')).toBeUndefined();
  });

  it('not an adjective before `village of`, a firm before its city, a list of places, a date or a country', () => {
    const kurdish = 'A girl from the northern Kurdish village of Ranya fell ill.';
    expect(mention(kurdish, 'Kurdish')).toBeUndefined();
    expect(mention('said a vice-president at Salomon Brothers Inc, New York. She', 'Salomon Brothers Inc')).toBeUndefined();
    // An employer after a job and `at`, though no firm's ending says so.
    expect(mention('said Fritz Haser, economics professor at Universidade Livre, Lisbon.', 'Universidade Livre')).toBeUndefined();
    expect(mention('said Jane Doe, a vice president at Salomon Brothers, New York.', 'Salomon Brothers')).toBeUndefined();
    // Partners' names in a list that ends in a firm's ending: no place, and no container for the first.
    const brown = 'James Capel and Co. will acquire a minority interest in Brown, Baldwin, Nisker Ltd. Several';
    expect(geo.findPlaces(brown)).toEqual([]);
    expect(mention('Kirtland Air\nForce Base in Albuquerque.', 'Force Base')).toBeUndefined();
    // Siblings, not a town inside the next one.
    expect(mention('Aid reached peasants in Wello, Tigre and Harar last week.', 'Wello')).toBeUndefined();
    expect(mention('The talks resumed in January, Paris said.', 'January')).toBeUndefined();
    // A country is too wide to stand for a village.
    expect(mention('The children were from Xyzville, a farming town in eastern Turkey.', 'Xyzville')).toBeUndefined();
  });
});
