import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitDateline } from '../../src/geo/dateline-place.js';
import { loadGeoService } from '../../src/geo/geo-service.js';
import type { GeoService } from '../../src/geo/types.js';
import { repoRoot } from '../helpers/paths.js';

let geo: GeoService;
beforeAll(async () => {
  geo = await loadGeoService({ cacheDir: path.join(repoRoot, 'data/cache') });
}, 120_000);

/** The place a story's dateline resolves to, for a body that names no place to go by. */
function datelinePlace(dateline: string): string | null {
  const first = geo.findPlaces('Shares of the company rose on Monday after the results.', { dateline })[0];
  const place = first?.dateline && first.geonameId !== null ? geo.getPlace(first.geonameId) : null;
  return place ? `${place.name}, ${place.kind === 'country' ? '' : `${place.admin1}, `}${place.countryCode}` : null;
}

describe('a dateline town with its state, province or country', () => {
  it.each([
    // The state tells the town the bare name would not be (each bare name reads as the other place).
    ['Cambridge, Mass.', 'Cambridge, Massachusetts, US'],
    ['Springfield, Va.', 'Springfield, Virginia, US'],
    ['Vienna, Va.', 'Vienna, Virginia, US'],
    ['San Jose, Calif.', 'San Jose, California, US'],
    ['Birmingham, Ala.', 'Birmingham, Alabama, US'],
    // Capitals, dotless AP forms, postal codes, full names of divisions and countries.
    ['Troy, MICH.', 'Troy, Michigan, US'],
    ['Palm Beach, Fla', 'Palm Beach, Florida, US'],
    ['Portland, OR', 'Portland, Oregon, US'],
    ['London, Ontario', 'London, Ontario, CA'],
    ['Kingston, Jamaica', 'Kingston, Kingston, JM'],
    ['Raqqa, Syria', 'Ar Raqqah, Raqqa, SY'],
    // Forms that are neither AP style nor today's names.
    ['Hanover, West Germany', 'Hannover, Lower Saxony, DE'],
    ['Reading, Penn.', 'Reading, Pennsylvania, US'],
    ['Portland, Me.', 'Portland, Maine, US'],
  ])('%s is %s', (dateline, expected) => {
    expect(datelinePlace(dateline)).toBe(expected);
  });

  it('a town the gazetteer lacks stands at the state or country written after it, not at a namesake elsewhere', () => {
    // Warrington, Pennsylvania and Scarborough, Ontario are no GeoNames towns of 500; Warrington and
    // Scarborough in England are.
    expect(datelinePlace('Warrington, Pa.')).toBe('Pennsylvania, Pennsylvania, US');
    expect(datelinePlace('Scarborough, Ontario')).toBe('Ontario, Ontario, CA');
    // A qualifier that names nothing keeps the town (a misspelt state must not lose it).
    expect(datelinePlace('Cambridge, Massachussets')).toBe('Cambridge, England, GB');
  });

  it('without a qualifier, the most prominent town of the name', () => {
    expect(datelinePlace('Cambridge')).toBe('Cambridge, England, GB');
    expect(datelinePlace('Vienna')).toMatch(/^Vienna, .*, AT$/);
  });

  it("without a qualifier, a national capital over a namesake near the body's places", () => {
    const dateline = (body: string, name: string): string => {
      const first = geo.findPlaces(body, { dateline: name })[0];
      const place = first?.dateline && first.geonameId !== null ? geo.getPlace(first.geonameId) : null;
      return place ? `${place.name}, ${place.admin1}, ${place.countryCode}` : '';
    };
    // A Reuters SEC-filing story: its investors' town is near Washington, New Jersey.
    const filing = 'A group led by Far Hills, N.J., investor Natalie Koether told the Securities and Exchange Commission it holds 5.1 pct.';
    expect(dateline(filing, 'WASHINGTON')).toMatch(/^Washington, .*, US$/);
    expect(dateline(filing, 'WASHINGTON')).not.toMatch(/New Jersey/);
    // ...unless the body names the namesake with its state.
    expect(dateline('Officials in Washington, N.J., said the plant will close.', 'WASHINGTON')).toBe('Washington, New Jersey, US');
    // A capital known by the name only as a former one is no dateline's (`PHILADELPHIA` is no Amman).
    expect(dateline(filing, 'PHILADELPHIA')).toBe('Philadelphia, Pennsylvania, US');
  });

  it("reads the body's bare mentions of the dateline's town as that town, not its divisions or other towns", () => {
    const places = (body: string, dateline: string): string[] =>
      geo.findPlaces(body, { dateline }).map((p) => {
        const place = p.geonameId !== null ? geo.getPlace(p.geonameId) : null;
        return `${p.name}:${place?.kind ?? ''}:${place?.countryCode ?? ''}`;
      });
    expect(places('McLendon resigned from its San Jose National Bank subsidiary.', 'San Jose, Calif.')).toEqual([
      'San Jose, Calif.:city:US',
      'San Jose:city:US',
    ]);
    // Another town of the name with its state, and a division of the name, keep their readings.
    const madison = geo.findPlaces('It opened a plant in Madison, Wis., this year.', { dateline: 'Madison, Ind.' });
    expect(madison.map((p) => (p.geonameId !== null ? geo.getPlace(p.geonameId)?.admin1 : null))).toEqual([
      'Indiana',
      'Wisconsin',
      'Wisconsin',
    ]);
    expect(places('The Quebec government auction was held.', 'Quebec')).toEqual(['Quebec:city:CA', 'Quebec:admin1:CA']);
  });

  it('a qualifier naming nothing, or no town of the name, does not lose the town', () => {
    expect(datelinePlace('Springfield, Atlantis')).toBe(datelinePlace('Springfield'));
    // Initials read as the AP form they spell (`V.A.`, a slip for `Va.`).
    expect(datelinePlace('Springfield, V.A.')).toBe('Springfield, Virginia, US');
    expect(datelinePlace('Cambridge, Atlantis')).toBe('Cambridge, England, GB');
  });

  it('splits at the first comma', () => {
    expect(splitDateline('Springfield, Va.')).toEqual({ town: 'Springfield', qualifier: 'Va.' });
    expect(splitDateline('Beirut')).toEqual({ town: 'Beirut', qualifier: null });
    expect(splitDateline('Washington, D.C., U.S.')).toEqual({ town: 'Washington', qualifier: 'D.C., U.S.' });
  });
});
