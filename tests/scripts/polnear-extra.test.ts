import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attributions } from '../../scripts/polnear-extra.js';

const text = 'Spokeswoman Haley Morris says the candidate will compete. Polls show a close race.';
const at = (s: string): [number, number] => [text.indexOf(s), text.indexOf(s) + s.length];
const line = (id: string, label: string, s: string): string => `${id}\t${label} ${at(s).join(' ')}\t${s}`;
const ann = [
  line('T1', 'Source', 'Spokeswoman Haley Morris'),
  line('T2', 'Cue', 'says'),
  line('T3', 'Content', 'the candidate will compete'),
  line('T4', 'Attribution', 'says'),
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  line('T5', 'Content', 'a close race'),
  line('T6', 'Cue', 'show'),
  line('T7', 'Attribution-no-source', 'show'),
  'E2\tAttribution-no-source:T7 Content:T5 Cue:T6',
].join('\n');

describe('scripts/polnear-extra.ts', () => {
  it("reads a brat file's attributions into the eval set's record fields", () => {
    const [a, b] = attributions(text, ann);
    expect(a).toEqual({
      quote: 'the candidate will compete',
      start: at('the candidate will compete')[0],
      end: at('the candidate will compete')[1],
      speaker: 'Spokeswoman Haley Morris',
      speaker_start: 0,
      speaker_end: 'Spokeswoman Haley Morris'.length,
      cue: 'says',
      cue_start: at('says')[0],
      cue_end: at('says')[1],
    });
    expect(b).toMatchObject({ quote: 'a close race', speaker: null, cue: 'show' });
  });

  it("leaves out every train article the eval set took, and refuses when dev's do not fit the spacing assumed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'polnear-extra-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(path.join(dir, 'data/train/text'), { recursive: true });
    mkdirSync(path.join(dir, 'data/train/attributions'), { recursive: true });
    // 264 articles: the eval set took every second one (floor(i * 264 / 132))
    const names = Array.from({ length: 264 }, (_, i) => `a${String(i).padStart(3, '0')}`);
    for (const name of names) {
      writeFileSync(path.join(dir, 'data/train/text', `${name}.txt`), text);
      writeFileSync(path.join(dir, 'data/train/attributions', `${name}_x1.ann`), ann);
    }
    const dev = path.join(dir, 'dev.ndjson');
    const run = (): string =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/polnear-extra.ts', dir, dev], { encoding: 'utf8', stdio: 'pipe' });
    writeFileSync(dev, JSON.stringify({ id: 'polnear:train:a002', text, quotes: [] }) + '\n');
    const ids = run()
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toHaveLength(132);
    expect(ids).toContain('polnear:train:a001');
    expect(ids).not.toContain('polnear:train:a002');
    writeFileSync(dev, JSON.stringify({ id: 'polnear:train:a003', text, quotes: [] }) + '\n');
    expect(run).toThrow();
  }, 60_000);
});
