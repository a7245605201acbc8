import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/eval/eval-places.js';
import { makeTempDir, repoRoot } from '../helpers/paths.js';

describe('eval:places', () => {
  it('prints the contract last line on a tiny hand-made fixture', async () => {
    const temp = makeTempDir();
    const text = 'Fighting went on in Aleppo while talks opened in Geneva. Canada sent aid.';
    const doc = {
      id: 'fixture:1',
      text,
      toponyms: [
        { name: 'Aleppo', start: text.indexOf('Aleppo'), end: text.indexOf('Aleppo') + 6, lat: 36.2, lon: 37.16 },
        { name: 'Geneva', start: text.indexOf('Geneva'), end: text.indexOf('Geneva') + 6, lat: 46.2, lon: 6.15 },
        { name: 'Canada', start: text.indexOf('Canada'), end: text.indexOf('Canada') + 6, lat: 60, lon: -95 },
      ],
    };
    const file = path.join(temp.dir, 'tiny.ndjson');
    fs.writeFileSync(file, JSON.stringify(doc) + '\n');
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    };
    try {
      expect(await main(['--data', file, '--cache-dir', path.join(repoRoot, 'data/cache')])).toBe(0);
    } finally {
      process.stdout.write = write;
      temp.cleanup();
    }
    const lines = out.join('').trim().split('\n');
    expect(lines.at(-1)).toMatch(/^places e2e_acc161=\d\.\d\d resolve_acc161=\d\.\d\d baseline_acc161=\d\.\d\d f1=\d\.\d\d$/);
    expect(lines.at(-1)).toBe('places e2e_acc161=1.00 resolve_acc161=1.00 baseline_acc161=1.00 f1=1.00');
  }, 60_000);
});

describe('eval:places end to end', () => {
  const run = async (docs: unknown[]): Promise<string> => {
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'e2e.ndjson');
    fs.writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    };
    try {
      expect(await main(['--data', file, '--cache-dir', path.join(repoRoot, 'data/cache')])).toBe(0);
    } finally {
      process.stdout.write = write;
      temp.cleanup();
    }
    return out.join('').trim().split('\n').at(-1) ?? '';
  };

  it('counts a gold name Dateline does not find as a miss, unlike the gold-span resolution figure', async () => {
    // `Aleppo` lower-cased is not recognised; resolved at its gold span it is still right.
    const text = 'Fighting went on in aleppo while talks opened in Geneva.';
    const line = await run([
      {
        id: 'fixture:2',
        text,
        toponyms: [
          { name: 'aleppo', start: text.indexOf('aleppo'), end: text.indexOf('aleppo') + 6, lat: 36.2, lon: 37.16 },
          { name: 'Geneva', start: text.indexOf('Geneva'), end: text.indexOf('Geneva') + 6, lat: 46.2, lon: 6.15 },
        ],
      },
    ]);
    expect(line).toBe('places e2e_acc161=0.50 resolve_acc161=1.00 baseline_acc161=1.00 f1=0.67');
  }, 60_000);

  it('gives a gold country to the stored country code, and a gold name without coordinates counts in the total', async () => {
    // Gold point of Canada far from the stored country point: right by the country code rule.
    const text = 'Canada sent aid to Syria. Crews worked on Mont-Royal Avenue.';
    const line = await run([
      {
        id: 'fixture:3',
        text,
        toponyms: [
          { name: 'Canada', start: 0, end: 6, lat: 45, lon: -75, fcode: 'PCLI', country: 'Canada' },
          {
            name: 'Syria',
            start: text.indexOf('Syria'),
            end: text.indexOf('Syria') + 5,
            lat: 35,
            lon: 38,
            fcode: 'PCLI',
            country: 'Syria',
          },
          { name: 'Mont-Royal Avenue', start: text.indexOf('Mont'), end: text.indexOf('Mont') + 17, lat: null, lon: null },
        ],
      },
    ]);
    expect(line.startsWith('places e2e_acc161=0.67 ')).toBe(true);
  }, 60_000);
});
