// Transpile src/ and commands/ to plain JavaScript in dist/ (esbuild, no bundling: one .js per .ts,
// same tree), so `npm start` and `npx dateline` start without a TypeScript loader. Type checking
// stays with `npm run typecheck`; this only strips types. About half a second.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * How TypeScript becomes the JavaScript that runs: for dist/ here, and for the benchmark's children
 * (scripts/ts-hooks.mjs), so the benchmark times the code as built.
 */
export const TRANSFORM_OPTIONS = {
  // 20.10 keeps `import … with { type: 'json' }` as written.
  target: 'node20.10',
  // esbuild rewrites a regular expression literal with a Unicode property escape (`/\p{Lu}/u`) for
  // any Node target as `new RegExp(…)`, which builds a new object each time the line runs: in the
  // analyzer's hot loops that cost ~13 % of ingest's analysis CPU (scripts/profile-analysis.ts).
  // Node 20 has the escapes, so the literals are kept.
  supported: { 'regexp-unicode-property-escapes': true },
};

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['src', 'commands'];
const STAMP = 'dist/.built';

function listFiles(dir, keep) {
  const found = [];
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full, keep));
    else if (keep(entry.name)) found.push(full);
  }
  return found;
}

const sources = (root) => SOURCE_DIRS.flatMap((d) => listFiles(path.join(root, d), (n) => n.endsWith('.ts') || n.endsWith('.json')));

/** True when dist/ is missing or older than any source file. */
export function isDistStale(root = packageRoot) {
  const stamp = path.join(root, STAMP);
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  // (this file too: a change of how the code is built makes a new build)
  const builder = path.join(root, 'scripts/build.mjs');
  return [...sources(root), ...(fs.existsSync(builder) ? [builder] : [])].some((file) => fs.statSync(file).mtimeMs > built);
}

export async function buildDist(root = packageRoot) {
  // Loaded only when a build is needed: most starts find dist/ fresh and skip it.
  const { build } = await import('esbuild');
  const files = sources(root);
  const outdir = path.join(root, 'dist');
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts')),
    outdir,
    outbase: root,
    format: 'esm',
    platform: 'node',
    ...TRANSFORM_OPTIONS,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // JSON modules (the quote cue model) are imported as they are.
  for (const file of files.filter((f) => f.endsWith('.json'))) {
    const target = path.join(outdir, path.relative(root, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  fs.writeFileSync(path.join(root, STAMP), new Date().toISOString());
  return files.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const count = await buildDist();
  process.stdout.write(`dist: ${count} files in ${Math.round(performance.now() - started)} ms\n`);
}
