import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, repoRoot, sampleArticle } from '../helpers/paths.js';
import { runCliCaptured } from '../helpers/run-cli.js';

describe('dateline ask and show', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: string;
  let sampleId: string;
  beforeAll(async () => {
    temp = makeTempDir();
    db = path.join(temp.dir, 'cli.db');
    await runCliCaptured(['ingest', sampleArticle, '--db', db]);
    const r = await runCliCaptured(['ask', '/search Raqqa', '--json', '--db', db]);
    sampleId = (JSON.parse(r.lastLine) as { data: { results: { id: string }[] } }).data.results[0]!.id;
  });
  afterAll(() => temp.cleanup());

  it('ask --json prints the reply view {title, text, fields, data} and exits 0', async () => {
    const r = await runCliCaptured(['ask', '/search Raqqa', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.lastLine) as Record<string, unknown>;
    expect(Object.keys(view)).toEqual(['title', 'text', 'fields', 'data']);
    expect(view.data).toEqual({ results: [{ id: sampleId, title: expect.stringMatching(/^The U\.S\.-backed/), date: '2017-09-09T19:03:53+08:00', source: 'Xinhua' }] });
  });

  it('ask prints text without --json, and exits 1 with the message for a user error', async () => {
    const ok = await runCliCaptured(['ask', '/latest', '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Latest stories/);
    const none = await runCliCaptured(['ask', '/search zzzqqq', '--json', '--db', db]);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.lastLine)).toMatchObject({ text: 'No story matches "zzzqqq".', data: { results: [] } });
    const unknown = await runCliCaptured(['ask', '/nosuch', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/Unknown command \/nosuch/);
  });

  it('show --json gives every stored field of the sample', async () => {
    const r = await runCliCaptured(['show', sampleId, '--json', '--db', db]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.lastLine) as Record<string, unknown>;
    expect(a).toMatchObject({
      id: sampleId,
      source: 'Xinhua',
      editor: 'Lu Hui',
      published: '2017-09-09T19:03:53+08:00',
      publishedZone: 'Asia/Shanghai',
      datelinePlace: 'Damascus',
      headlineDerived: true,
      captionCredit: 'Ammar Safarjalani',
      url: null,
    });
    for (const key of ['id', 'source', 'published', 'editor', 'datelinePlace', 'headline', 'headlineDerived', 'caption', 'captionCredit', 'body', 'url', 'ingestedAt', 'quotes', 'places']) {
      expect(a).toHaveProperty(key);
    }
    expect(String(a.caption)).toMatch(/^Syrian military vehicles/);
    expect(String(a.body)).toMatch(/^The U\.S\.-backed Syrian Democratic Forces/);
    expect(String(a.body)).not.toMatch(/Xinhua|Syrian military vehicles take position/);
  });

  it('show exits 1 for an unknown id', async () => {
    const r = await runCliCaptured(['show', 'ffffffffffff', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No article with id ffffffffffff/);
  });

  it('fails with a readable message on bad configuration', async () => {
    const r = await runCliCaptured(['ask', '/latest', '--db', db], { DATELINE_TZ: 'Nowhere/Land' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DATELINE_TZ: must be an IANA time zone/);
  });
});

describe('--db with a URL', () => {
  it('refuses a URL that is not postgres:// with the reason, and creates nothing', async () => {
    const r = await runCliCaptured(['ask', '/latest', '--db', 'mysql://root@db/dateline']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mysql: URL; the store is an SQLite file path or a postgres:\/\//);
    expect(fs.existsSync(path.join(repoRoot, 'mysql:'))).toBe(false);
  });
});
