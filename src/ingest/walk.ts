import fs from 'node:fs/promises';
import path from 'node:path';

const SOURCE_EXTENSIONS = new Set(['.txt', '.ndjson', '.jsonl', '.json']);

export interface WalkResult {
  files: string[];
  missing: string[];
  /** FIFOs, sockets and devices found in folders: never read (a FIFO would hang the ingest), reported with why. */
  skipped: { path: string; reason: string }[];
}

/**
 * Expand the paths a user gave into source files: folders recursively (hidden entries skipped,
 * only story formats taken), files as given whatever their extension, in a stable order.
 */
export async function listSourceFiles(paths: readonly string[], excludeDirs: readonly string[] = []): Promise<WalkResult> {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: WalkResult['skipped'] = [];
  // The bot keeps its own files (gazetteer cache, maps, state) under data/ by default: never ingest them.
  const excluded = new Set(excludeDirs.map((d) => path.resolve(d)));
  for (const given of paths) {
    const stat = await fs.stat(given).catch(() => null);
    if (!stat) missing.push(given);
    else if (stat.isDirectory()) files.push(...(await walkFolder(given, excluded, skipped)));
    else files.push(given);
  }
  return { files, missing, skipped };
}

async function walkFolder(folder: string, excluded: ReadonlySet<string>, skipped: WalkResult['skipped']): Promise<string[]> {
  if (excluded.has(path.resolve(folder))) return [];
  const entries = (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walkFolder(full, excluded, skipped)));
    else if (entry.isFile()) {
      if (isSourceFile(entry.name)) found.push(full);
    } else if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice()) {
      const kind = entry.isFIFO() ? 'a FIFO (named pipe)' : entry.isSocket() ? 'a socket' : 'a device';
      skipped.push({ path: full, reason: `skipped: ${kind}, not a regular file` });
    }
  }
  return found;
}

export function isSourceFile(name: string): boolean {
  return SOURCE_EXTENSIONS.has(path.extname(name).toLowerCase()) && !name.startsWith('.');
}
