// Module hooks that run TypeScript as scripts/build.mjs builds it (esbuild with TRANSFORM_OPTIONS),
// for the benchmark's child processes: tsx transforms for the running Node version, which turns every
// `/\p{…}/u` literal into `new RegExp(…)` on each use, so timings under tsx are not those of dist/.
// Registered by scripts/register-ts.mjs (`node --import ./scripts/register-ts.mjs file.ts`).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { TRANSFORM_OPTIONS } from './build.mjs';

/** A relative `./x.js` that names a TypeScript file (`./x.ts`), as the sources write their imports. */
export async function resolve(specifier, context, nextResolve) {
  if (specifier.endsWith('.js') && (specifier.startsWith('.') || specifier.startsWith('file:')) && context.parentURL?.startsWith('file:')) {
    const url = new URL(specifier, context.parentURL);
    const ts = new URL(url.href.replace(/\.js$/, '.ts'));
    if (!existsSync(fileURLToPath(url)) && existsSync(fileURLToPath(ts))) return nextResolve(ts.href, context);
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(fileURLToPath(url), 'utf8');
  const { code } = await transform(source, {
    ...TRANSFORM_OPTIONS,
    loader: 'ts',
    format: 'esm',
    sourcefile: fileURLToPath(url),
    sourcemap: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
