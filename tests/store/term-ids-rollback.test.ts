import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalyzedArticle, NewArticle } from '../../src/store/article-store.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { createSqliteArticleParts } from '../../src/store/sqlite/sqlite-article-store.js';
import { makeTempDir } from '../helpers/paths.js';

/** A story whose digest features hold one grouping term. */
function storyWithTerm(n: number, term: string): AnalyzedArticle {
  const article: NewArticle = {
    source: 'Test wire',
    published: `2026-01-0${n}T08:00:00Z`,
    publishedZone: 'UTC',
    editor: null,
    datelinePlace: null,
    headline: `Story ${n} about ${term}`,
    headlineDerived: false,
    caption: null,
    captionCredit: null,
    body: `Story number ${n} tells of ${term}.`,
    url: `https://example.test/story-${n}`,
    origin: 'test',
  };
  return {
    article,
    analysis: {
      sentences: [],
      quotes: [],
      places: [],
      digest: { summary: article.body, bodyWords: 6, terms: [[term, 1]], placeTerms: 0, names: [0], shapes: [] },
    },
  };
}

describe('digest term ids after a rolled-back write', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('gives a term a new id when the transaction that first inserted it rolled back', () => {
    const db = openDatabase(path.join(temp.dir, 'store.db'));
    const { stories } = createSqliteArticleParts(db);
    const first = storyWithTerm(1, 'zanzibarite');
    // A story the store refuses (no headline) rolls the whole chunk back, the first story's new term with it.
    const broken = storyWithTerm(2, 'other');
    const refused = { ...broken, article: { ...broken.article, headline: null } } as unknown as AnalyzedArticle;
    expect(() => stories.addArticles([first, refused])).toThrow();

    // Another new term may now be given the id the rolled-back one had.
    stories.addArticles([storyWithTerm(3, 'quetzalcoatl')]);
    stories.addArticles([first]);

    const terms = db.prepare<[], { term: string; stories: number }>('SELECT term, stories FROM digest_terms ORDER BY term').all();
    expect(terms).toEqual([
      { term: 'quetzalcoatl', stories: 1 },
      { term: 'zanzibarite', stories: 1 },
    ]);
    db.close();
  });
});
