import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, digestToJson, type BuildDigestOptions, type Digest } from '../../src/digest/build-digest.js';
import { digestFeatures } from '../../src/digest/story-features.js';
import { storeVisibleTo, type StoryVisibilityFilter } from '../../src/digest/visible-store.js';
import type { NewArticle } from '../../src/store/article-store.js';
import { openPgStore } from '../../src/store/postgres/pg-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { DatelineStore } from '../../src/store/store.js';
import { makeTempDir, reutersCorpus } from '../helpers/paths.js';
import { createTestDatabase, findPgServer } from '../helpers/postgres.js';
import { simpleAnalyze } from '../helpers/simple-analyze.js';
import { story } from './fixture.js';

/**
 * Digests are kept between builds (src/digest/digest-cache.ts) while the store is unchanged. Each kept
 * digest must be the one a fresh build makes: here a fresh build is one by another connection to the
 * same store (another process: its own cache), over ~600 Reuters stories of 1987-03-02 and 03-03.
 */

interface CorpusLine {
  id: string;
  date: string;
  source: string;
  title: string;
  text: string;
}

/** Corpus lines 250-849 (1987-03-02 and 03-03) as stories, read from ../shared (never copied). */
function corpusStories(): NewArticle[] {
  return fs
    .readFileSync(reutersCorpus, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(249, 849)
    .map((line) => JSON.parse(line) as CorpusLine)
    .map((r) => story(r.title, r.text, r.date, r.source));
}

/** As ingest hands stories over: with their digest features. */
async function add(store: DatelineStore, stories: readonly NewArticle[]): Promise<string[]> {
  const result = await store.stories.addArticles(
    stories.map((a) => {
      const analysis = simpleAnalyze(a);
      return { article: a, analysis: { ...analysis, digest: digestFeatures(a, analysis.sentences, analysis.places) } };
    }),
  );
  return result.added;
}

const DAY = 86_400_000;
const windows: (Omit<BuildDigestOptions, 'since' | 'at'> & { at: string; hours: number })[] = [
  { at: '1987-03-03T00:00:00Z', hours: 24, tz: 'UTC' },
  { at: '1987-03-03T00:00:00Z', hours: 24, tz: 'UTC', all: true },
  { at: '1987-03-03T12:00:00Z', hours: 36, tz: 'Europe/London' },
  { at: '1987-03-03T00:00:00Z', hours: 24, tz: 'UTC', about: 'oil' },
  { at: '1987-03-03T18:00:00Z', hours: 30, tz: 'UTC', maxGroups: 3, maxStoriesPerGroup: 2 },
];
const optionsOf = (w: (typeof windows)[number]): BuildDigestOptions => {
  const at = new Date(w.at);
  const { hours, ...rest } = w;
  return { ...rest, at, since: new Date(at.getTime() - hours * 3_600_000) };
};

/** Everything a digest shows, and the counts behind it. */
function shown(d: Digest): unknown {
  return {
    json: digestToJson(d, { all: true }),
    counts: [d.storyCount, d.groupCount, d.groups.map((g) => [g.more, g.storyCount, g.sourceCount])],
  };
}

interface Backend {
  name: string;
  /** A new connection to the one store (a process of its own). */
  open(): Promise<DatelineStore>;
  cleanup(): Promise<void>;
}

const server = await findPgServer();
const backends: { name: string; make: () => Promise<Backend> }[] = [
  {
    name: 'SQLite',
    make: () => {
      const temp = makeTempDir('dateline-digest-cache-');
      const file = path.join(temp.dir, 'store.db');
      const open: DatelineStore[] = [];
      return Promise.resolve({
        name: 'SQLite',
        open: () => {
          const s = openSqliteStore(file);
          open.push(s);
          return Promise.resolve(s);
        },
        cleanup: async () => {
          for (const s of open) await s.close().catch(() => undefined);
          temp.cleanup();
        },
      });
    },
  },
];
if (!('unavailable' in server)) {
  backends.push({
    name: 'PostgreSQL',
    make: async () => {
      const db = await createTestDatabase(server);
      const open: DatelineStore[] = [];
      return {
        name: 'PostgreSQL',
        open: async () => {
          const s = await openPgStore(db.url, { max: 2 });
          open.push(s);
          return s;
        },
        cleanup: async () => {
          for (const s of open) await s.close().catch(() => undefined);
          await db.drop();
        },
      };
    },
  });
} else if (process.env.CI === 'true') {
  it('has a PostgreSQL server to test the kept digests on (CI=true)', () => {
    expect.fail(`CI=true but ${server.unavailable}`);
  });
}

for (const { name, make } of backends) {
  describe(`kept digests (${name})`, () => {
    let backend: Backend;
    let main: DatelineStore;

    beforeAll(async () => {
      backend = await make();
      main = await backend.open();
      await add(main, corpusStories());
    }, 120_000);
    afterAll(async () => backend?.cleanup());

    /** A build by a process that has built nothing yet. */
    async function fresh(options: BuildDigestOptions, view?: (store: DatelineStore) => DatelineStore['digest']): Promise<Digest> {
      const other = await backend.open();
      try {
        return await buildDigest({ store: { stories: other.stories, digest: view ? view(other) : other.digest } }, options);
      } finally {
        await other.close();
      }
    }

    it('are the digest a fresh build makes, for every window and option', async () => {
      for (const w of windows) {
        const options = optionsOf(w);
        const first = await buildDigest({ store: main }, options);
        const again = await buildDigest({ store: main }, options);
        expect(first.storyCount).toBeGreaterThan(w.about ? 3 : 100);
        // Kept: the same groups given again…
        expect(again.groups).toBe(first.groups);
        expect({ at: again.at, since: again.since, tz: again.tz }).toEqual({ at: options.at, since: options.since, tz: options.tz });
        // …and they are what a process that has built nothing shows.
        expect(shown(again)).toEqual(shown(await fresh(options)));
      }
    });

    it('name times in the zone asked for, whoever built the window first', async () => {
      const options = optionsOf(windows[0]!);
      const utc = await buildDigest({ store: main }, options);
      const tokyo = await buildDigest({ store: main }, { ...options, tz: 'Asia/Tokyo' });
      expect(tokyo.tz).toBe('Asia/Tokyo');
      expect(digestToJson(tokyo)).toEqual(digestToJson(await fresh({ ...options, tz: 'Asia/Tokyo' })));
      expect(digestToJson(utc).at).not.toBe(digestToJson(tokyo).at);
    });

    it("keep each server's view apart, and share one when it hides nothing", async () => {
      const options = optionsOf(windows[0]!);
      const everyone = await buildDigest({ store: main }, options);
      // Server "a" may not see the stories of the top two events; server "b" sees everything.
      const hidden = new Set(everyone.groups.slice(0, 2).flatMap((g) => g.stories.map((s) => s.articleId)));
      const filter: StoryVisibilityFilter = (guildId, items) =>
        Promise.resolve(guildId === 'a' ? items.filter((i) => !hidden.has(i.id)) : [...items]);
      const a = await buildDigest({ store: storeVisibleTo(main, 'a', filter) }, options);
      expect(a.storyCount).toBeLessThan(everyone.storyCount);
      expect(a.groups.flatMap((g) => g.stories).some((s) => hidden.has(s.articleId))).toBe(false);
      expect(shown(a)).toEqual(shown(await fresh(options, (s) => storeVisibleTo(s, 'a', filter).digest)));
      // A new view for each build, as the scheduler makes them: the same digest again.
      expect((await buildDigest({ store: storeVisibleTo(main, 'a', filter) }, options)).groups).toBe(a.groups);
      const b = await buildDigest({ store: storeVisibleTo(main, 'b', filter) }, options);
      expect(b.groups).toBe(everyone.groups);
      expect((await buildDigest({ store: main }, options)).groups).toBe(everyone.groups);
    });

    it('are built again once a story is added, by this process or another', async () => {
      const options = optionsOf(windows[0]!);
      const before = await buildDigest({ store: main }, options);
      const lead = before.groups[0]!;
      // A follow-up of the top event, filed in the window: it joins that event.
      const [own] = await add(main, [
        story(
          `${lead.title} - follow-up`,
          `${lead.stories[0]!.summary} Officials confirmed the details later on Monday.`,
          new Date(options.at.getTime() - 60_000).toISOString(),
        ),
      ]);
      const afterOwn = await buildDigest({ store: main }, options);
      expect(afterOwn.storyCount).toBe(before.storyCount + 1);
      expect(shown(afterOwn)).toEqual(shown(await fresh(options)));

      // Another process stores a story in the window: this one's kept digest is stale, and not shown.
      const other = await backend.open();
      const [theirs] = await add(other, [
        story('Zanzibar clove exports reach record', 'Zanzibar clove exports reached a record, the board said.', '1987-03-02T23:00:00Z'),
      ]);
      await other.close();
      const afterTheirs = await buildDigest({ store: main }, { ...options, all: true });
      const ids = afterTheirs.groups.flatMap((g) => g.stories.map((s) => s.articleId));
      expect(ids).toContain(own);
      expect(ids).toContain(theirs);
      expect(shown(await buildDigest({ store: main }, options))).toEqual(shown(await fresh(options)));
      expect(new Date(options.at.getTime() - DAY)).toEqual(options.since);
    });
  });
}
