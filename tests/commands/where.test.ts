import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocomplete, toDms } from '../../commands/where.js';
import { askCommand, createTestServices, type TestServices } from '../helpers/test-services.js';

interface WhereData {
  place: { name: string; kind: string; geonameId: number; countryCode: string | null; admin1: string | null; lat: number; lon: number; population: number } | null;
  alternatives?: unknown[];
  mentions?: { articleId: string; date: string; sentence: string }[];
  suggestions?: string[];
}

let services: TestServices;

beforeAll(async () => {
  services = await createTestServices();
}, 120_000);

afterAll(() => services?.close());

async function ask(line: string): Promise<{ isError: boolean; data: WhereData; text: string; png?: Uint8Array }> {
  const r = await askCommand(services, line);
  return { isError: r.isError === true, data: r.data as WhereData, text: r.text, png: r.image?.png };
}

describe('/where', () => {
  it.each([
    ['Raqqa', 'SY', 35.95, 39.01, 'Raqqa'],
    ['Deir al-Zour', 'SY', 35.34, 40.14, 'Deir al-Zour'],
    ['Dayr az Zawr', 'SY', 35.34, 40.14, 'Deir al-Zour'],
    ['Deir ez-Zor', 'SY', 35.34, 40.14, 'Deir al-Zour'],
    ['Hasakah province', 'SY', 36.5, 40.75, 'Hasakah'],
    ['Iraq', 'IQ', 33, 44, 'Iraqi'],
  ])('/where %s resolves and cites the sample article', async (query, cc, lat, lon, cited) => {
    const r = await ask(`/where place:${query}`);
    expect(r.isError).toBe(false);
    expect(r.data.place?.countryCode).toBe(cc);
    expect(Math.abs((r.data.place?.lat ?? 0) - lat)).toBeLessThan(1.5);
    expect(Math.abs((r.data.place?.lon ?? 0) - lon)).toBeLessThan(1.5);
    expect(r.data.mentions?.length).toBeGreaterThan(0);
    expect(r.data.mentions?.some((m) => m.sentence.includes(cited))).toBe(true);
  });

  it('Hasakah province is the division, Raqqa the city', async () => {
    expect((await ask('/where place:Hasakah province')).data.place?.kind).toBe('admin1');
    const raqqa = await ask('/where place:Raqqa');
    expect(raqqa.data.place?.kind).toBe('city');
    expect(raqqa.text).toMatch(/governorate/);
  });

  it('Damascus is the national capital of Syria', async () => {
    const r = await ask('/where place:Damascus');
    expect(r.data.place).toMatchObject({ name: 'Damascus', kind: 'city', countryCode: 'SY' });
    expect(r.text).toMatch(/national capital/);
  });

  it('keeps the --json data shape', async () => {
    const r = await ask('/where place:Raqqa');
    expect(Object.keys(r.data).sort()).toEqual(['alternatives', 'mentions', 'place']);
    expect(Object.keys(r.data.place ?? {}).sort()).toEqual(['admin1', 'countryCode', 'geonameId', 'kind', 'lat', 'lon', 'name', 'population']);
    expect(Object.keys(r.data.mentions?.[0] ?? {}).sort()).toEqual(['articleId', 'date', 'sentence']);
    // A PNG is attached.
    expect(Array.from(r.png?.slice(0, 4) ?? [])).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('Rakka gets Raqqa', async () => {
    const r = await ask('/where place:Rakka');
    const names = [r.data.place?.name ?? '', ...(r.data.suggestions ?? [])].join(' ');
    expect(names).toMatch(/Raqqa/);
  });

  it('Xqzvbn is not found, with the error data shape', async () => {
    const r = await ask('/where place:Xqzvbn');
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/No place called "Xqzvbn"/);
    expect(r.data.place).toBeNull();
    expect(Array.isArray(r.data.suggestions)).toBe(true);
  });

  it('autocompletes place names', async () => {
    const choices = await autocomplete!({ options: {}, subcommand: null, focused: { name: 'place', value: 'Raqq' }, services });
    expect(choices.some((c) => c.name.includes('Raqqa'))).toBe(true);
  });

  it('shows a state at its own point, not its capital, and says where the point comes from', async () => {
    const texas = await askCommand(services, '/where place:Texas');
    const austin = (await ask('/where place:Austin, Texas')).data.place;
    const place = (texas.data as WhereData).place;
    expect(place?.kind).toBe('admin1');
    expect(Math.hypot((place?.lat ?? 0) - (austin?.lat ?? 0), (place?.lon ?? 0) - (austin?.lon ?? 0))).toBeGreaterThan(0.5);
    expect(texas.footer).toMatch(/point: the middle of the span its GeoNames towns cover/);
    expect((await askCommand(services, '/where place:Syria')).footer).toMatch(/point: the country's centre \(world-countries/);
    expect((await askCommand(services, '/where place:Raqqa')).footer).toMatch(/point: GeoNames/);
  });

  it('counts the sample story for its dateline place', async () => {
    // The sample is datelined DAMASCUS: a story about Damascus even where the body does not say so.
    const r = await ask('/where place:Damascus');
    expect(r.data.mentions?.length).toBeGreaterThan(0);
  });

  it('formats DMS', () => {
    expect(toDms(35.95283, 'N', 'S')).toBe('35°57′10″N');
    expect(toDms(-0.5, 'N', 'S')).toBe('0°30′00″S');
  });
});
