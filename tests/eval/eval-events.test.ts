import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bcubed, main, singlePassBaseline } from '../../src/eval/eval-events.js';
import { makeTempDir, repoRoot } from '../helpers/paths.js';

describe('bcubed', () => {
  it('scores a perfect clustering 1, all-in-one and all-apart as B-cubed defines', () => {
    const gold = ['a', 'a', 'b', 'b'];
    expect(bcubed(['x', 'x', 'y', 'y'], gold)).toEqual({ f1: 1, precision: 1, recall: 1 });
    const one = bcubed(['x', 'x', 'x', 'x'], gold);
    expect(one.precision).toBeCloseTo(0.5);
    expect(one.recall).toBeCloseTo(1);
    const apart = bcubed(['1', '2', '3', '4'], gold);
    expect(apart.precision).toBeCloseTo(1);
    expect(apart.recall).toBeCloseTo(0.5);
    expect(apart.f1).toBeCloseTo(2 / 3);
  });
});

describe('singlePassBaseline', () => {
  it('joins headlines that share rare words and keeps others apart, in arrival order', () => {
    const groups = singlePassBaseline([
      'Sbarro files for bankruptcy',
      'Sbarro bankruptcy filing again',
      'Chiquita and Fyffes to merge',
      'Fyffes Chiquita merger',
    ]);
    expect(groups[0]).toBe(groups[1]);
    expect(groups[2]).toBe(groups[3]);
    expect(groups[0]).not.toBe(groups[2]);
  });
});

describe('eval:events', () => {
  it('ingests the file, builds each day through the digest, and prints the contract last line', async () => {
    const temp = makeTempDir();
    const rows = [
      ['Sbarro files for bankruptcy protection', 'sbarro', '2014-03-10'],
      ['Pizza chain Sbarro files for bankruptcy again', 'sbarro', '2014-03-10'],
      ['Sbarro pizza chain in second bankruptcy filing', 'sbarro', '2014-03-10'],
      ['Chiquita and Fyffes to create largest banana company', 'banana', '2014-03-10'],
      ['Fyffes and Chiquita banana merger creates largest company', 'banana', '2014-03-10'],
      ['Chiquita Fyffes banana merger', 'banana', '2014-03-10'],
      ['Twitter outage takes site down', 'twitter', '2014-03-12'],
      ['Twitter site down in outage', 'twitter', '2014-03-12'],
      ['Volcano heat helped species survive ice ages', 'volcano', '2014-03-12'],
      ['Volcanoes helped species survive the ice ages, study says', 'volcano', '2014-03-12'],
    ].map(([title, event, date], i) => ({
      id: `t${i}`,
      title,
      text: title,
      date,
      source: `Source ${i % 3}`,
      url: `https://example.com/${i}`,
      event,
    }));
    const file = path.join(temp.dir, 'tiny.ndjson');
    fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out: string[] = [];
    try {
      expect(await main(['--data', file, '--cache-dir', path.join(repoRoot, 'data/cache')], (t) => out.push(t))).toBe(0);
    } finally {
      temp.cleanup();
    }
    const lines = out.join('').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^2014-03-10: 6 stories, 2 gold events/);
    expect(lines.at(-1)).toMatch(/^events b3_f1=\d\.\d{3} b3_p=\d\.\d{3} b3_r=\d\.\d{3} baseline_f1=\d\.\d{3}$/);
    expect(lines.at(-1)).toMatch(/^events b3_f1=1\.000 b3_p=1\.000 b3_r=1\.000 /);
  }, 60_000);
});
