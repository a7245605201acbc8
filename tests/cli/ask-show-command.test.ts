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
    expect(view.data).toEqual({
      results: [
        { id: sampleId, title: expect.stringMatching(/^The U\.S\.-backed/) as string, date: '2017-09-09T19:03:53+08:00', source: 'Xinhua' },
      ],
    });
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
    for (const key of [
      'id',
      'source',
      'published',
      'editor',
      'datelinePlace',
      'headline',
      'headlineDerived',
      'caption',
      'captionCredit',
      'body',
      'url',
      'ingestedAt',
      'quotes',
      'places',
    ]) {
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

describe('terminal safety of what ask and show print (issue 18)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: string;
  const evilTitle = '\x1b]0;owned\x07\x1b[2J\x1b[31mMarkets\x1b[0m rally\x07 \u009b1m';
  beforeAll(async () => {
    temp = makeTempDir();
    db = path.join(temp.dir, 'cli.db');
    const file = path.join(temp.dir, 'evil.ndjson');
    const text = 'Stocks rose sharply on Monday as \x1b[5mtraders\x1b[0m bought shares. Analysts said the rally would last. Bonds fell.';
    fs.writeFileSync(file, `${JSON.stringify({ title: evilTitle, text, date: '2017-09-09', source: 'Wire\x1b[8m' })}\n`);
    await runCliCaptured(['ingest', file, '--db', db]);
  });
  afterAll(() => temp.cleanup());

  // eslint-disable-next-line no-control-regex -- matches the control characters that must not be printed
  const controls = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

  it('ask and show print no control characters, as text or as JSON', async () => {
    const latest = await runCliCaptured(['ask', '/latest', '--db', db]);
    expect(latest.stdout).toMatch(/Markets rally/);
    expect(latest.stdout).not.toMatch(controls);
    const json = await runCliCaptured(['ask', '/latest', '--json', '--db', db]);
    expect(json.stdout).not.toMatch(controls);
    const id = (JSON.parse(json.lastLine) as { data: { results: { id: string; title: string }[] } }).data.results[0]!;
    // --json keeps the data: the escapes parse back to what the store holds
    expect(id.title).toContain('\x1b[31mMarkets');
    for (const args of [
      ['show', id.id],
      ['show', id.id, '--json'],
      ['ask', `/summary article:${id.id}`],
    ]) {
      const r = await runCliCaptured([...args, '--db', db]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(controls);
    }
  });

  it('crash output goes through the same redaction as logs', async () => {
    const { cliCommands } = await import('../../src/cli.js');
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secret-token-value';
    cliCommands['explode'] = () => Promise.reject(new Error(`request failed with Authorization: Bot ${token}`));
    try {
      const r = await runCliCaptured(['explode'], { DISCORD_TOKEN: token });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/dateline explode crashed: Error: request failed with Authorization: Bot \[redacted\]/);
      expect(r.stderr).not.toContain(token);
    } finally {
      delete cliCommands['explode'];
    }
  });
});
