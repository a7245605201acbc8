import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askCommand, createTestServices, type TestServices } from '../helpers/test-services.js';
import { makeTempDir, writeCorpusSlice } from '../helpers/paths.js';

interface SearchData {
  results: { id: string; title: string; date: string; source: string }[];
}

/** Enough stories that a query matches many of them: a one-story store cannot show whose snippet a hit got. */
const STORIES = 400;

let services: TestServices;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir();
  services = await createTestServices({ files: [writeCorpusSlice(temp.dir, STORIES)] });
}, 180_000);

afterAll(async () => {
  await services?.close();
  temp?.cleanup();
});

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The query's words as the porter stemmer would meet them: a prefix of 4+ letters (`rates` → `rate`). */
function holdsQueryWord(snippet: string, query: string): boolean {
  return query
    .toLowerCase()
    .split(/\s+/)
    .some((w) => new RegExp(`\\b${w.slice(0, Math.max(4, w.length - 2))}`, 'i').test(snippet));
}

describe('/search on a store of hundreds of stories', () => {
  // 'oil said': 'said' is in most stories, so the hits are the newest matches, unranked (isTooCommonToRank).
  it.each(['opec output', 'coffee', 'interest rates', 'wheat exports', 'sugar', 'oil said'])(
    '%s: every hit has a snippet of its own story that holds a query word',
    async (query) => {
      const r = await askCommand(services, `/search query:${query} count:10`);
      expect(r.isError).not.toBe(true);
      const hits = await services.store.stories.search(query, 10);
      expect(hits.length).toBeGreaterThanOrEqual(3);
      expect((r.data as SearchData).results.map((h) => h.id)).toEqual(hits.map((h) => h.id));
      for (const hit of hits) {
        const article = await services.store.stories.getById(hit.id);
        expect(article).not.toBeNull();
        const text = squeeze(`${article!.headline} ${article!.body}`);
        // Each fragment of the snippet is text of this hit's own story.
        for (const fragment of hit.snippet.split('…').map(squeeze).filter(Boolean)) expect(text).toContain(fragment);
        expect(holdsQueryWord(hit.snippet, query)).toBe(true);
        // And the reply shows it under that hit.
        const field = r.fields.find((f) => f.value.includes(`id ${hit.id}`));
        expect(field?.value).toContain(squeeze(hit.snippet).slice(0, 40).trim().split(' ')[0]);
      }
      // Five stories do not share one snippet (issue 14: every hit showed the first hit's).
      expect(new Set(hits.map((h) => h.snippet)).size).toBe(hits.length);
    },
  );

  it('a story matched by its headline alone shows the headline words', async () => {
    // Headlines of the slice with a word their body lacks.
    let checked = 0;
    for (const summary of await services.store.stories.latest(STORIES)) {
      const article = (await services.store.stories.getById(summary.id))!;
      const word = article.headline.match(/[A-Za-z]{6,}/g)?.find((w) => !new RegExp(`\\b${w.slice(0, -1)}`, 'i').test(article.body));
      if (!word) continue;
      const hit = (await services.store.stories.search(word, 50)).find((h) => h.id === article.id);
      if (!hit) continue;
      expect(holdsQueryWord(hit.snippet, word)).toBe(true);
      if (++checked >= 5) break;
    }
    expect(checked).toBeGreaterThan(0);
  });

  // The same class of bug wherever ids meet an FTS5 MATCH: every result must belong to the query.
  it('quotes about a topic come from stories about it', async () => {
    const hits = await services.store.quotes.findQuotes({ about: 'opec', limit: 20 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const article = (await services.store.stories.getById(hit.articleId))!;
      expect(`${article.headline} ${article.body}`).toMatch(/opec/i);
      expect(squeeze(article.body)).toContain(squeeze(hit.text).slice(0, 30));
    }
    expect(new Set(hits.map((h) => h.articleId)).size).toBeGreaterThan(1);
  });

  it('headline autocomplete gives headlines holding the typed words', async () => {
    for (const typed of ['opec', 'coffee pr', 'ban']) {
      const hits = await services.store.stories.suggestHeadlines(typed, 10);
      expect(hits.length).toBeGreaterThan(1);
      for (const h of hits) for (const w of typed.split(' ')) expect(h.headline).toMatch(new RegExp(`\\b${w}`, 'i'));
      expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    }
  });
});
