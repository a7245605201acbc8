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
    process.stderr.write(
      `dateline: running from TypeScript (could not build dist/: ${error instanceof Error ? error.message : String(error)})\n`,
    );
  }
  if (fromDist) {
    process.setSourceMapsEnabled(true);
    // argv[1] names the module that runs, as if node had started it directly (entries check it).
    process.argv[1] = path.join(packageRoot, 'dist', `${entry}.js`);
    await import(pathToFileURL(process.argv[1]).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    process.argv[1] = path.join(packageRoot, `${entry}.ts`);
    await import(pathToFileURL(process.argv[1]).href);
  }
}

/** The programs package.json's scripts start; each runs from dist/ like `npm start`. */
const ENTRIES = ['src/main', 'src/cli', 'src/transports/discord/sharded', 'src/transports/discord/deploy-commands'];

// `node scripts/run-entry.mjs src/main [args…]`: the entry's own arguments follow.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [entry] = process.argv.splice(2, 1);
  if (!ENTRIES.includes(entry)) {
    process.stderr.write(`usage: node scripts/run-entry.mjs ${ENTRIES.join('|')} [args…]\n`);
    process.exit(1);
  }
  await runEntry(entry);
}
