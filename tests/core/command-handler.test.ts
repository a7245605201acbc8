import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, testCaller, type TestServices } from '../helpers/test-services.js';

describe('the command handler: one path from input to reply', () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await createTestServices();
  }, 120_000);
  afterAll(() => services?.close());

  it('answers a typed line and the same command given structured alike', async () => {
    const typed = await services.app.handler.answer({ line: '/search Raqqa count:1', caller: testCaller });
    const structured = await services.app.handler.answer({
      name: 'search',
      subcommand: null,
      options: { query: 'Raqqa', count: 1 },
      caller: testCaller,
    });
    expect(typed.isError).toBeFalsy();
    expect(typed).toEqual(structured);
  });

  it('takes quotes around a whole name as grouping, in Discord as in the shell, but keeps them in search words', async () => {
    const where = (options: Record<string, string>) =>
      services.app.handler.answer({ name: 'where', subcommand: null, options, caller: testCaller });
    expect((await where({ place: '“Deir al-Zour”' })).title).toBe((await where({ place: 'Deir al-Zour' })).title);
    const typed = await services.app.handler.answer({ line: '/where "Deir al-Zour"', caller: testCaller });
    expect(typed.title).toBe((await where({ place: 'Deir al-Zour' })).title);
    // a phrase no story holds, though each of its words is in the sample story
    const phrase = await services.app.handler.answer({ line: '/search "Raqqa qqqzzz"', caller: testCaller });
    expect(phrase).toMatchObject({ isError: true, text: 'No story matches “"Raqqa qqqzzz"”.' });
  });

  it('turns what cannot be parsed, an unknown command and a user error into error replies', async () => {
    const missing = await services.app.handler.answer({ line: '/search', caller: testCaller });
    expect(missing).toMatchObject({ isError: true, text: expect.stringMatching(/needs query:/) as string });
    const unknown = await services.app.handler.answer({ line: '/nonsense', caller: testCaller });
    expect(unknown).toMatchObject({ isError: true, data: { error: 'unknown_command' } });
    const none = await services.app.handler.answer({ line: '/search qqqzzzxxx', caller: testCaller });
    expect(none).toMatchObject({ isError: true, text: 'No story matches "qqqzzzxxx".' });
  });

  it('answers autocomplete through the same registry, and nothing for a command without it', async () => {
    const choices = await services.app.handler.complete({
      name: 'summary',
      subcommand: null,
      options: {},
      focused: { name: 'article', value: 'syr' },
    });
    expect(choices.length).toBeGreaterThan(0);
    expect(
      await services.app.handler.complete({ name: 'latest', subcommand: null, options: {}, focused: { name: 'count', value: '' } }),
    ).toEqual([]);
  });
});
