import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Eight small articles, so every one of the four folds has two held out and six to train on.
const article = (i: number): object => {
  const text = `The minister ${i} said that the budget would be cut next year.`;
  const start = text.indexOf('the budget');
  const cue = text.indexOf('said');
  return {
    id: `a${i}`,
    text,
    quotes: [{ start, end: text.length - 1, type: 'indirect', speaker_start: 0, speaker_end: cue - 1, cue_start: cue, cue_end: cue + 4 }],
  };
};

const dir = mkdtempSync(path.join(tmpdir(), 'quotes-cv-'));
const dev = path.join(dir, 'dev.ndjson');
writeFileSync(dev, Array.from({ length: 8 }, (_, i) => JSON.stringify(article(i))).join('\n') + '\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (file: string, ...more: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/quotes-cv.ts', '--data', file, ...more], { encoding: 'utf8', stdio: 'pipe' });

describe('scripts/quotes-cv.ts', () => {
  it('scores each fold with a model trained on the others and ends with the eval:quotes keys under `quotes-cv`', () => {
    const lines = run(dev).trim().split('\n');
    expect(lines.filter((l) => l.startsWith('fold '))).toHaveLength(4);
    expect(lines[lines.length - 1]).toMatch(
      /^quotes-cv f1=\d\.\d\d direct_p=\d\.\d\d direct_r=\d\.\d\d speaker_acc=\d\.\d\d speaker_exact=\d\.\d\d reported_p=\d\.\d\d reported_r=\d\.\d\d shown_reported_p=\d\.\d\d shown_reported_r=\d\.\d\d$/,
    );
    expect(lines).toContain('articles=8');
  }, 60_000);

  it('trains every fold on --extra articles too, and scores only the dev folds', () => {
    const extra = path.join(dir, 'train-extra.ndjson');
    writeFileSync(extra, Array.from({ length: 4 }, (_, i) => JSON.stringify(article(100 + i))).join('\n') + '\n');
    const lines = run(dev, '--extra', extra).trim().split('\n');
    expect(lines).toContain('articles=8');
    expect(lines[lines.length - 1]).toMatch(/^quotes-cv f1=/);
    // (a test split is never trained on)
    const test = path.join(dir, 'test.ndjson');
    writeFileSync(test, JSON.stringify(article(0)) + '\n');
    expect(() => run(dev, '--extra', test)).toThrow();
  }, 60_000);

  it('refuses any file but a dev split', () => {
    const test = path.join(dir, 'test.ndjson');
    writeFileSync(test, JSON.stringify(article(0)) + '\n');
    expect(() => run(test)).toThrow();
  }, 30_000);
});
