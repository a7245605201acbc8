// Run an entry point (`src/main`, `src/cli`) from dist/, rebuilding it first when the sources are
// newer, so an edited checkout never runs stale code. If dist/ cannot be built (a read-only install),
// the TypeScript runs through tsx instead: slower to start, same behaviour.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDist, isDistStale, packageRoot } from './build.mjs';

export async function runEntry(entry) {
  let fromDist = true;
  try {
    if (isDistStale()) await buildDist();
  } catch (error) {
    fromDist = false;
    process.stderr.write(`dateline: running from TypeScript (could not build dist/: ${error instanceof Error ? error.message : String(error)})\n`);
  }
  if (fromDist) {
    process.setSourceMapsEnabled(true);
    await import(pathToFileURL(path.join(packageRoot, 'dist', `${entry}.js`)).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(path.join(packageRoot, `${entry}.ts`)).href);
  }
}

// `node scripts/run-entry.mjs src/main [args…]`: the entry's own arguments follow.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [entry] = process.argv.splice(2, 1);
  if (entry !== 'src/main' && entry !== 'src/cli') {
    process.stderr.write('usage: node scripts/run-entry.mjs src/main|src/cli [args…]\n');
    process.exit(1);
  }
  await runEntry(entry);
}
