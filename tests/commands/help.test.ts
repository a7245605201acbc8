import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { askCommand, createTestServices, type TestServices } from '../helpers/test-services.js';

interface HelpData {
  commands: { syntax: string; description: string }[];
}

describe('/help', () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await createTestServices();
  });
  afterAll(async () => {
    await services.close();
  });

  it('lists every command the bot registers, each subcommand on its own line, itself included', async () => {
    const r = await askCommand(services, '/help');
    const listed = (r.data as HelpData).commands;
    const names = new Set(listed.map((c) => c.syntax.split(' ')[0]));
    expect([...names]).toEqual(commands.map((c) => `/${c.data.name}`));
    expect(listed.map((c) => c.syntax)).toContain('/digest subscribe channel:<channel> time:<time> [timezone:…] [about:…] [quiet:…]');
    expect(listed.map((c) => c.syntax)).toContain('/where place:<place>');
    expect(r.text.split('\n')).toContain('/latest [count:…] — The newest stories in the store');
  });

  it('is shown to the caller alone and fits one embed', async () => {
    const r = await askCommand(services, '/help');
    expect(r.ephemeral).toBe(true);
    expect(r.isError).toBeFalsy();
    expect(r.text.length).toBeLessThanOrEqual(4096);
  });
});
