import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, sampleArticle } from './paths.js';

/**
 * The folders of a bot process a test spawns, under `root`: `data/` (with the sample story unless
 * `sample: false`) and `cache/`, which shares the checkout's gazetteer index (read-only) instead of
 * building one per test.
 */
export function makeBotDirs(root: string, options: { sample?: boolean } = {}): { dataDir: string; cacheDir: string } {
  const dataDir = path.join(root, 'data');
  const cacheDir = path.join(root, 'cache');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(cacheDir);
  if (options.sample !== false) fs.copyFileSync(sampleArticle, path.join(dataDir, path.basename(sampleArticle)));
  for (const file of fs.readdirSync(path.join(repoRoot, 'data/cache')))
    fs.symlinkSync(path.join(repoRoot, 'data/cache', file), path.join(cacheDir, file));
  return { dataDir, cacheDir };
}
