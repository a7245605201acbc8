import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocomplete, timelinePeriods, toDms } from '../../commands/where.js';
import { askCommand, createTestServices, type TestServices } from '../helpers/test-services.js';
import type { StoredStory, StoryCursor } from '../../src/store/article-store.js';
import { makeTempDir, writeCorpusSlice, writeStoryAndRepeat } from '../helpers/paths.js';

interface WhereData {
  place: {
    name: string;
    kind: string;
    geonameId: number;
    countryCode: string | null;
    admin1: string | null;
    lat: number;
    lon: number;
    population: number;
  } | null;
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
    expect(Object.keys(r.data).sort()).toEqual(['alternatives', 'mentions', 'place', 'stories', 'timeline']);
    expect(Object.keys(r.data.place ?? {}).sort()).toEqual([
      'admin1',
      'countryCode',
      'geonameId',
      'kind',
      'lat',
      'lon',
      'name',
      'population',
    ]);
    expect(Object.keys(r.data.mentions?.[0] ?? {}).sort()).toEqual(['articleId', 'date', 'sentence']);
    // A PNG is attached.
    expect(Array.from(r.png?.slice(0, 4) ?? [])).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("gives a country GeoNames' own population, a division the sum of its towns, a continent the sum of its countries", async () => {
    const population = (r: { fields: { name: string; value: string }[] }): string | undefined =>
      r.fields.find((f) => f.name === 'Population')?.value;
    // The sum of India's towns of 500+ is about 310 million: far short of the country.
    const india = await askCommand(services, '/where place:India');
    expect((india.data as WhereData).place?.population).toBeGreaterThan(1_000_000_000);
    expect(population(india)).toMatch(/^[\d,]+$/);
    expect(population(await askCommand(services, '/where place:Texas'))).toMatch(/sum of its towns of 500\+ in GeoNames/);
    const asia = await askCommand(services, '/where place:Asia');
    expect(population(asia)).toMatch(/sum of its countries/);
    expect((asia.data as WhereData).place?.population).toBeGreaterThan(3_000_000_000);
    // A news region's countries are those it touches, not its people (all of Sudan for Darfur): no figure.
    const darfur = await askCommand(services, '/where place:Darfur');
    expect((darfur.data as WhereData).place?.kind).toBe('region');
    expect(population(darfur)).toBeUndefined();
    expect((darfur.data as WhereData).place?.population).toBe(0);
  });

  it('Rakka gets Raqqa', async () => {
    const r = await ask('/where place:Rakka');
    const names = [r.data.place?.name ?? '', ...(r.data.suggestions ?? [])].join(' ');
    expect(names).toMatch(/Raqqa/);
  });

  it('offers the division under its own name, not the misspelling typed, and that question finds it', async () => {
    const r = await ask('/where place:Tehrann');
    expect(r.data.place?.name).toBe('Tehran');
    const hint = /\(ask "([^"]+)"\)/.exec(r.text)?.[1];
    expect(hint).toBe('Tehran province');
    const division = await ask(`/where place:${hint}`);
    expect(division.data.place?.kind).toBe('admin1');
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
    // Its text never names Damascus: the reply says where it was filed from, with the headline.
    const latest = (await askCommand(services, '/where place:Damascus')).fields?.find((f) => /Xinhua/.test(f.name));
    expect(latest?.value).toMatch(/^Filed from Damascus: .+\. The U\.S\.-backed Syrian Democratic Forces/);
  });

  it('formats DMS', () => {
    expect(toDms(35.95283, 'N', 'S')).toBe('35°57′10″N');
    expect(toDms(-0.5, 'N', 'S')).toBe('0°30′00″S');
  });
});

describe('/where on a store of hundreds of stories', () => {
  let many: TestServices;
  let temp: ReturnType<typeof makeTempDir>;

  beforeAll(async () => {
    temp = makeTempDir();
    many = await createTestServices({ files: [writeCorpusSlice(temp.dir, 600)] });
  }, 180_000);

  afterAll(async () => {
    await many?.close();
    temp?.cleanup();
  });

  /** Stories of the store whose stored places include the id: counted the slow way, story by story. */
  async function storiesMentioning(geonameId: number): Promise<Map<string, number>> {
    const byMonth = new Map<string, number>();
    let next: StoryCursor | null = null;
    do {
      const page: { stories: StoredStory[]; next: StoryCursor | null } = await many.store.stories.storiesPage({ after: next, limit: 100 });
      for (const s of page.stories) {
        if (!s.analysis.places.some((p) => p.geonameId === geonameId)) continue;
        const month = s.article.published.slice(0, 7);
        byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
      }
      next = page.next;
    } while (next);
    return byMonth;
  }

  it.each(['United States', 'Japan', 'London', 'New York', 'Brazil', 'Tokyo'])(
    '/where %s: the count, the timeline and the latest mentions agree',
    async (name) => {
      const r = await askCommand(many, `/where place:${name}`);
      const data = r.data as WhereData & { stories: number; timeline: { period: string; stories: number }[] };
      expect(data.stories).toBeGreaterThan(0);
      expect(data.timeline.reduce((sum, p) => sum + p.stories, 0)).toBe(data.stories);
      expect(r.fields.find((f) => f.name === 'In the news')?.value).toContain(`${data.stories.toLocaleString('en-US')} stored `);
      const shown = r.fields.find((f) => f.name === 'Timeline')?.value ?? '';
      const shownSum = [...shown.matchAll(/: ([\d,]+) stor/g)].reduce((sum, m) => sum + Number(m[1]!.replace(/,/g, '')), 0);
      expect(shownSum).toBe(data.stories);
      // Every story that stores a mention of the place is counted, in its own month.
      const slow = await storiesMentioning(data.place!.geonameId);
      for (const [month, n] of slow) expect(data.timeline.find((p) => p.period === month)?.stories ?? 0).toBeGreaterThanOrEqual(n);
      expect(data.stories).toBeGreaterThanOrEqual([...slow.values()].reduce((a, b) => a + b, 0));
      // The latest mentions are in the timeline's periods.
      for (const m of data.mentions ?? []) expect(data.timeline.some((p) => p.period === m.date.slice(0, 7))).toBe(true);
      expect(data.mentions?.length).toBeLessThanOrEqual(data.stories);
    },
  );

  it('a place named in more stories than the latest mentions read still counts them all', async () => {
    const r = await askCommand(many, '/where place:United States');
    const data = r.data as { stories: number; timeline: { stories: number }[] };
    expect(data.stories).toBeGreaterThan(40);
    expect(data.timeline.reduce((sum, p) => sum + p.stories, 0)).toBe(data.stories);
  });
});

describe('/where on a story and its repeat', () => {
  let services: TestServices;
  const temp = makeTempDir();
  beforeAll(async () => {
    // The wire files a story, then again with a line added: the same sentence names the place in each.
    const body = 'Flood water closed the main bridge in Mosul on Monday, officials said. Repairs start next week.';
    const file = writeStoryAndRepeat(temp.dir, {
      title: 'Floods close Mosul bridge',
      text: body,
      url: 'https://wire.test/bridge',
      addedLine: 'Traffic was diverted.',
    });
    services = await createTestServices({ files: [file] });
  });
  afterAll(async () => {
    await services.close();
    temp.cleanup();
  });

  it('counts both filings but shows their sentence once, from the newest', async () => {
    const r = await askCommand(services, '/where Mosul');
    const data = r.data as { stories: number; mentions: { articleId: string; sentence: string }[] };
    expect(data.stories).toBe(2);
    expect(data.mentions).toHaveLength(1);
    expect(data.mentions[0]!.sentence).toContain('Flood water closed the main bridge in Mosul');
    const newest = (await services.store.stories.latest(1))[0]!;
    expect(data.mentions[0]!.articleId).toBe(newest.id);
  });
});

describe('timelinePeriods', () => {
  const m = (month: string, stories: number) => ({ month, stories });

  it('keeps months when the span is short', () => {
    expect(timelinePeriods([m('1987-02', 3), m('1987-10', 5)])).toEqual([
      { period: '1987-02', stories: 3 },
      { period: '1987-10', stories: 5 },
    ]);
    expect(timelinePeriods([])).toEqual([]);
  });

  it('sums years when the months span more than two years', () => {
    expect(timelinePeriods([m('1987-02', 3), m('1987-10', 5), m('1989-01', 1), m('1989-12', 2)])).toEqual([
      { period: '1987', stories: 8 },
      { period: '1989', stories: 3 },
    ]);
  });

  it('merges the oldest years into one period past thirty, losing no story', () => {
    const months = Array.from({ length: 50 }, (_, i) => m(`${1950 + i}-06`, i + 1));
    const periods = timelinePeriods(months);
    expect(periods).toHaveLength(30);
    expect(periods[0]?.period).toBe('1950–1970');
    expect(periods.at(-1)).toEqual({ period: '1999', stories: 50 });
    expect(periods.reduce((s, p) => s + p.stories, 0)).toBe((50 * 51) / 2);
  });
});
