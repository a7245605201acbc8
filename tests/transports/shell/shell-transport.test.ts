import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply } from '../../../src/core/reply.js';
import { createShellTransport } from '../../../src/transports/shell/shell-transport.js';
import type { Transport } from '../../../src/transports/transport.js';
import { makeTempDir } from '../../helpers/paths.js';
import { createTestServices, testCaller, type TestServices } from '../../helpers/test-services.js';

/** Drive the shell through streams, as a person typing would. */
function startShell(services: TestServices, imageDir: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString()));
  let closed = false;
  const shell: Transport = createShellTransport({
    input,
    output,
    definitions: services.app.definitions,
    caller: { ...testCaller, channelId: 'shell' },
    imageDir,
    historyFile: null,
    terminal: false,
    onClose: () => (closed = true),
  });
  const started = shell.start(services.app.handler);
  const type = async (line: string, expectText: RegExp): Promise<string> => {
    const before = text.length;
    input.write(`${line}\n`);
    const deadline = Date.now() + 10_000;
    while (!expectText.test(text.slice(before))) {
      if (Date.now() > deadline) throw new Error(`no ${expectText} after "${line}"; got:\n${text.slice(before)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return text.slice(before);
  };
  return { shell, started, type, input, isClosed: () => closed, output: () => text };
}

describe('shell transport', () => {
  let services: TestServices;
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    services = await createTestServices();
    temp = makeTempDir();
  });
  afterAll(async () => {
    await services.close();
    temp.cleanup();
  });

  it('answers typed slash commands with the same command code', async () => {
    const { started, type, shell } = startShell(services, temp.dir);
    await started;
    expect(await type('/search Raqqa', /Search: Raqqa/)).toMatch(/The U\.S\.-backed Syrian Democratic Forces/);
    expect(await type('/latest count:1', /Latest stories/)).toMatch(/Xinhua · Damascus/);
    await shell.stop();
  });

  it('shows user errors and usage instead of stack traces', async () => {
    const { started, type, shell } = startShell(services, temp.dir);
    await started;
    expect(await type('/search', /✖/)).toMatch(/needs query:/);
    expect(await type('/nonsense', /✖/)).toMatch(/Unknown command \/nonsense/);
    expect(await type('/search qqqzzzxxx', /✖/)).toMatch(/No story matches "qqqzzzxxx"/);
    // (`help` is the /help every transport has, and the shell says how to leave it)
    const help = await type('help', /leave the shell/);
    expect(help).toMatch(/Dateline commands[\s\S]*\/search query:<query> \[count:…\] — Search the stored news/);
    expect(await type('/help', /Dateline commands/)).toMatch(/\/where place:<place>/);
    expect(await type('/?', /leave the shell/)).toMatch(/Dateline commands/);
    await shell.stop();
  });

  it('prints messages posted to it (digests) and saves images to disk', async () => {
    const { started, shell } = startShell(services, temp.dir);
    await started;
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    const sent = await shell.send(
      { channelId: 'shell', guildId: null },
      reply({ title: 'Daily digest', text: 'Two stories today.', image: { name: 'map.png', png } }),
    );
    expect(sent.id).toMatch(/^shell-/);
    expect(fs.readFileSync(`${temp.dir}/map.png`)).toEqual(Buffer.from(png));
    await shell.stop();
  });

  it('strips escape codes and other control characters from what it prints (issue 18)', async () => {
    const { started, shell, output } = startShell(services, temp.dir);
    await started;
    await shell.send(
      { channelId: 'shell', guildId: null },
      reply({ title: '\x1b]0;owned\x07\x1b[2JBreaking\x07', text: '\x1b[31mred\x1b[0m \u009b1mnews' }),
    );
    expect(output()).toMatch(/Breaking/);
    expect(output()).toMatch(/red news/);
    // eslint-disable-next-line no-control-regex -- asserts no control character reaches the terminal
    expect(output()).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    await shell.stop();
  });

  it('closes on exit', async () => {
    const { started, input, isClosed } = startShell(services, temp.dir);
    await started;
    input.write('exit\n');
    const deadline = Date.now() + 5000;
    while (!isClosed() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(isClosed()).toBe(true);
  });
});
