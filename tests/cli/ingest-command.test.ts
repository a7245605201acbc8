import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, sampleArticle, writeCorpusSlice } from '../helpers/paths.js';
import { runCliCaptured } from '../helpers/run-cli.js';

describe('dateline ingest', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeAll(() => {
    temp = makeTempDir();
    db = path.join(temp.dir, 'cli.db');
  });
  afterAll(() => temp.cleanup());

  it('prints the tally as one JSON object on the last line with --json, and exit 0 when nothing was rejected', async () => {
    const slice = writeCorpusSlice(temp.dir, 40);
    const r = await runCliCaptured(['ingest', sampleArticle, slice, '--json', '--db', db]);
    expect(r.code).toBe(0);
    const tally = JSON.parse(r.lastLine) as Record<string, unknown>;
    expect(Object.keys(tally)).toEqual(['added', 'duplicate', 'rejected', 'errors']);
    expect(tally.rejected).toBe(0);
    expect((tally.added as number) + (tally.duplicate as number)).toBe(41);
  });

  it('counts everything as duplicate the second time', async () => {
    const r = await runCliCaptured(['ingest', sampleArticle, '--json', '--db', db]);
    expect(JSON.parse(r.lastLine)).toEqual({ added: 0, duplicate: 1, rejected: 0, errors: [] });
  });

  it('exits 1 and lists path, line and reason when input is rejected', async () => {
    const bad = path.join(temp.dir, 'bad.ndjson');
    fs.writeFileSync(bad, `${JSON.stringify({ title: 'ok', text: 'A fine story.', date: '2020-01-01', source: 'W' })}\n{oops\n`);
    const json = await runCliCaptured(['ingest', bad, '--json', '--db', db]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.lastLine)).toEqual({
      added: 1,
      duplicate: 0,
      rejected: 1,
      errors: [{ path: bad, line: 2, reason: expect.stringMatching(/invalid JSON/) as string }],
    });
    const text = await runCliCaptured(['ingest', bad, '--db', db]);
    expect(text.stdout).toMatch(/added 0, duplicate 1, rejected 1/);
    expect(text.stdout).toContain(`rejected ${bad}:2: invalid JSON`);
  });

  it('uses DATELINE_DB when --db is absent', async () => {
    const envDb = path.join(temp.dir, 'env.db');
    await runCliCaptured(['ingest', sampleArticle, '--json'], { DATELINE_DB: envDb });
    expect(fs.existsSync(envDb)).toBe(true);
  });

  it('explains its usage without paths', async () => {
    const r = await runCliCaptured(['ingest']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Usage: dateline ingest PATH/);
  });
});
