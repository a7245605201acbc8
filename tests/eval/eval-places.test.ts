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
    process.stdout.write = ((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await main(['--data', file, '--cache-dir', path.join(repoRoot, 'data/cache')])).toBe(0);
    } finally {
      process.stdout.write = write;
      temp.cleanup();
    }
    const lines = out.join('').trim().split('\n');
    expect(lines.at(-1)).toMatch(/^places resolve_acc161=\d\.\d\d baseline_acc161=\d\.\d\d f1=\d\.\d\d$/);
    expect(lines.at(-1)).toBe('places resolve_acc161=1.00 baseline_acc161=1.00 f1=1.00');
  }, 60_000);
});
