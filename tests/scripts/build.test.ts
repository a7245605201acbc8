import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDist, isDistStale } from '../../scripts/build.mjs';
import { makeTempDir } from '../helpers/paths.js';

describe('scripts/build.mjs', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());
  const root = temp.dir;
  fs.mkdirSync(path.join(root, 'src/nlp'), { recursive: true });
  fs.mkdirSync(path.join(root, 'commands'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src/nlp/model.json'), '{"w":[1,2]}');
  fs.writeFileSync(
    path.join(root, 'src/value.ts'),
    "import model from './nlp/model.json' with { type: 'json' };\nexport const total: number = model.w.reduce((a: number, b: number) => a + b, 0);\n",
  );
  fs.writeFileSync(path.join(root, 'src/capital.ts'), 'export const capital = (word: string): boolean => /^\\p{Lu}/u.test(word);\n');
  fs.writeFileSync(
    path.join(root, 'commands/hello.ts'),
    "import { total } from '../src/value.js';\nexport const hello = (): string => `sum ${total}`;\n",
  );

  it('transpiles src/ and commands/ to runnable JavaScript in dist/, JSON modules included', async () => {
    expect(isDistStale(root)).toBe(true);
    await buildDist(root);
    const mod = (await import(pathToFileURL(path.join(root, 'dist/commands/hello.js')).href)) as { hello: () => string };
    expect(mod.hello()).toBe('sum 3');
    expect(isDistStale(root)).toBe(false);
  });

  it('keeps a regular expression literal with a Unicode property escape as a literal (not a new RegExp on every call)', async () => {
    const built = fs.readFileSync(path.join(root, 'dist/src/capital.js'), 'utf8');
    expect(built).toContain('/^\\p{Lu}/u');
    expect(built).not.toContain('new RegExp');
    const mod = (await import(pathToFileURL(path.join(root, 'dist/src/capital.js')).href)) as { capital: (w: string) => boolean };
    expect([mod.capital('Élan'), mod.capital('élan')]).toEqual([true, false]);
  });

  it('runs TypeScript the same way for the benchmark: scripts/register-ts.mjs, with ./x.js naming x.ts', () => {
    const script = path.join(root, 'commands/hello-main.ts');
    fs.writeFileSync(
      script,
      "import { capital } from '../src/capital.js';\nconsole.log(String(capital('Raqqa')), String(capital).includes('new RegExp'));\n",
    );
    const register = pathToFileURL(path.resolve(import.meta.dirname, '../../scripts/register-ts.mjs')).href;
    const out = execFileSync(process.execPath, ['--import', register, script], { encoding: 'utf8' });
    expect(out.trim()).toBe('true false');
  });

  it('is stale again once a source file is newer than the build', () => {
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(root, 'src/value.ts'), later, later);
    expect(isDistStale(root)).toBe(true);
  });
});
