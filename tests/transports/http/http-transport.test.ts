import net from 'node:net';
import path from 'node:path';
import { REST, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands as productCommands } from '../../../commands/index.js';
import { openDatelineStore } from '../../../src/app.js';
import type { Command } from '../../../src/core/command.js';
import { createCommandHandler } from '../../../src/core/command-handler.js';
import { createMemoryLogger } from '../../../src/core/logger.js';
import { reply } from '../../../src/core/reply.js';
import type { Services } from '../../../src/core/services.js';
import { createHttpTransport, type HttpTransport, type HttpTransportOptions } from '../../../src/transports/http/http-transport.js';
import { INTERACTION_ACK_DEADLINE_MS } from '../../../src/transports/discord/limits.js';
import { testCommands, textOf, writeMentionArticle, type EmbedJson } from '../../e2e/bot-harness.js';
import { startFakeDiscord, type FakeDiscord } from '../../e2e/fake-discord/fake-discord.js';
import { makeTempDir, sampleArticle } from '../../helpers/paths.js';
import { createTestServices, type TestServices } from '../../helpers/test-services.js';
import { generateSigningKey, postInteraction, signRequest, type InteractionResponse } from './interaction-client.js';

/** A promise the test resolves by hand: commands wait on it instead of sleeping. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

const slowGate = gate();
const lateGate = gate();
/** The smallest valid PNG (1×1), for an answer with an attachment. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000100ffff03000006000557bfab0000000049454e44ae426082',
  'hex',
);

const gatedCommands: Command[] = [
  {
    data: new SlashCommandBuilder().setName('test-gated-slow').setDescription('Slow: answers when the test opens its gate'),
    slow: true,
    execute: async () => {
      await slowGate.wait;
      return reply({ title: 'Slow answer', text: 'Worth the wait. @everyone' });
    },
  },
  {
    data: new SlashCommandBuilder().setName('test-gated-late').setDescription('Not marked slow, but late'),
    execute: async () => {
      await lateGate.wait;
      return reply({ title: 'Late answer', text: 'Deferred by the timer.' });
    },
  },
  {
    data: new SlashCommandBuilder().setName('test-image').setDescription('Answers with a map'),
    execute: () =>
      Promise.resolve(reply({ title: 'A map', text: 'See the image.', image: { name: 'map.png', png: PNG, description: 'A dot' } })),
  },
];

describe('HTTP interactions transport (in process, real fake Discord over REST)', () => {
  const key = generateSigningKey();
  const temp = makeTempDir('dateline-http-');
  const log = createMemoryLogger();
  let fake: FakeDiscord;
  let services: TestServices;
  let transport: HttpTransport;
  let baseUrl: string;
  const all = [...productCommands, ...testCommands(50), ...gatedCommands];

  const makeTransport = (extra: Partial<HttpTransportOptions> = {}): HttpTransport =>
    createHttpTransport({
      port: 0,
      host: '127.0.0.1',
      publicKey: key.publicKeyHex,
      commands: all,
      services,
      log,
      rest: new REST({ api: fake.apiUrl }).setToken(fake.token),
      hasToken: true,
      registration: { applicationId: fake.applicationId, guildId: null, statePath: null },
      deferAfterMs: 300,
      maxBodyBytes: 64 * 1024,
      requestTimeoutMs: 1000,
      ...extra,
    });
  const startTransport = async (t: HttpTransport, s: Services = services): Promise<void> => {
    await t.start(createCommandHandler(all, s));
  };

  beforeAll(async () => {
    fake = await startFakeDiscord();
    services = await createTestServices({ files: [sampleArticle, writeMentionArticle(temp.dir)] });
    transport = makeTransport();
    await startTransport(transport);
    baseUrl = `http://127.0.0.1:${transport.port}`;
  });
  afterAll(async () => {
    await transport.stop();
    await fake.close();
    await services.close();
    temp.cleanup();
  });

  /** Create the interaction at the fake, POST it signed, and hand the response back to the fake as the callback. */
  async function interact(
    kind: 'chat-input' | 'autocomplete',
    name: string,
    values: Record<string, string | number | boolean> = {},
    extra: Parameters<FakeDiscord['createHttpInteraction']>[3] = {},
  ): Promise<{ res: InteractionResponse; id: string; callbackStatus: number }> {
    const { interaction, payload } = fake.createHttpInteraction(kind, name, values, extra);
    const res = await postInteraction(baseUrl, key, payload);
    const callbackStatus = res.status === 200 ? fake.acknowledgeHttpInteraction(interaction.id, { body: res.body, files: res.files }) : 0;
    return { res, id: interaction.id, callbackStatus };
  }

  it('registered the commands with Discord on start', () => {
    const names = (fake.commands.get('global') ?? []).map((c) => c.json.name);
    expect(names).toEqual(expect.arrayContaining(['search', 'where', 'test-gated-slow']));
  });

  it('answers PING with PONG', async () => {
    const res = await postInteraction(baseUrl, key, { id: '1', application_id: fake.applicationId, type: 1, token: 't', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ type: 1 });
  });

  it('runs /search through the shared dispatch and answers with the rendered embed, pinging nobody', async () => {
    const { res, callbackStatus, id } = await interact('chat-input', 'search', { query: 'Raqqa' });
    expect(res.status).toBe(200);
    const body = res.body as { type: number; data: { embeds: EmbedJson[]; allowed_mentions: unknown; flags?: number } };
    expect(body.type).toBe(4);
    expect(body.data.embeds[0]!.title).toMatch(/Search: Raqqa/);
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.data.flags).toBeUndefined();
    // The fake validates it as Discord would (limits, shape) and records the reply.
    expect(callbackStatus).toBe(204);
    const original = fake.interactions.get(id)!.original!;
    expect(textOf(original)).toMatch(/Syrian Democratic Forces/);
    expect(original.pings).toEqual([]);
  });

  it('answers a user error ephemerally (flags 64)', async () => {
    const { res, callbackStatus } = await interact('chat-input', 'test-echo-error', { text: '@everyone zzz' });
    const body = res.body as { type: number; data: { content: string; flags: number; embeds: unknown[] } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/Nothing matches/);
    expect(callbackStatus).toBe(204);
  });

  it('answers autocomplete with type 8 choices fitted to Discord limits', async () => {
    const { res, callbackStatus } = await interact('autocomplete', 'test-pick', { story: 'Syria' }, { focused: 'story' });
    const body = res.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(0);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    expect(body.data.choices.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
    expect(callbackStatus).toBe(204);
  });

  it('sends an image as multipart/form-data with payload_json and files[0]', async () => {
    const { res, callbackStatus, id } = await interact('chat-input', 'test-image');
    expect(res.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const body = res.body as { type: number; data: { embeds: EmbedJson[]; attachments: { id: number; filename: string }[] } };
    expect(body.type).toBe(4);
    expect(body.data.embeds[0]!.image).toEqual({ url: 'attachment://map.png' });
    expect(body.data.attachments).toEqual([{ id: 0, filename: 'map.png', description: 'A dot' }]);
    expect(res.files.map((f) => [f.field, f.filename, f.size])).toEqual([['files[0]', 'map.png', PNG.length]]);
    expect(callbackStatus).toBe(204);
    expect(fake.interactions.get(id)!.original!.files).toHaveLength(1);
  });

  it('refuses a wrong signature with 401 and logs it without the body', async () => {
    const { payload } = fake.createHttpInteraction('chat-input', 'search', { query: 'secret-body-marker' });
    const res = await postInteraction(baseUrl, key, payload, { signWith: generateSigningKey() });
    expect(res.status).toBe(401);
    const refused = log.entries.filter((e) => e.msg === 'interaction refused: invalid request signature');
    expect(refused.at(-1)).toMatchObject({ level: 'warn', reason: 'bad-signature' });
    expect(JSON.stringify(log.entries)).not.toContain('secret-body-marker');
  });

  it('refuses a replayed request (validly signed, 6 minutes old) with 401', async () => {
    const { payload } = fake.createHttpInteraction('chat-input', 'search', { query: 'Raqqa' });
    const res = await postInteraction(baseUrl, key, payload, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    expect(log.entries.at(-1)).toMatchObject({ reason: 'stale' });
  });

  it('refuses a request without signature headers with 401', async () => {
    const res = await fetch(`${baseUrl}/interactions`, { method: 'POST', body: '{"type":1}' });
    expect(res.status).toBe(401);
  });

  it('refuses an oversized body with 413, declared or streamed', async () => {
    const big = Buffer.alloc(200 * 1024, 'a');
    const declared = await postInteraction(baseUrl, key, big);
    expect(declared.status).toBe(413);
    // Chunked, with no content-length to refuse early: counted while it streams.
    const chunks = [big.subarray(0, 40 * 1024), big.subarray(40 * 1024)];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${baseUrl}/interactions`, {
      method: 'POST',
      headers: { 'x-signature-ed25519': signRequest(key, ts, big), 'x-signature-timestamp': ts },
      body: stream,
      duplex: 'half',
    });
    expect(res.status).toBe(413);
  });

  it('answers 400 to a signed body that is not an interaction', async () => {
    expect((await postInteraction(baseUrl, key, Buffer.from('not json'))).status).toBe(400);
    expect((await postInteraction(baseUrl, key, { type: 2 })).status).toBe(400);
  });

  it('a slow command answers "deferred" within the 3 s deadline, then its reply arrives at the webhook route', async () => {
    const { res, callbackStatus, id } = await interact('chat-input', 'test-gated-slow');
    expect(res.body).toEqual({ type: 5 });
    expect(res.ms).toBeLessThan(INTERACTION_ACK_DEADLINE_MS);
    expect(callbackStatus).toBe(204);
    expect(fake.interactions.get(id)!.state).toBe('deferred');
    slowGate.open();
    const edited = await fake.waitFor(() => fake.interactions.get(id)!.original, 4000, 'the edit of the deferral');
    expect(edited.kind).toBe('edit-original');
    expect(textOf(edited)).toMatch(/Worth the wait/);
    expect(edited.pings).toEqual([]);
    const patch = fake.requests.find(
      (r) => r.method === 'PATCH' && r.path.startsWith(`/webhooks/${fake.applicationId}/`) && r.path.endsWith('/messages/@original'),
    );
    expect(patch?.status).toBe(200);
  });

  it('a command not marked slow that runs late is deferred by the timer, well inside 3 s', async () => {
    const { res, id } = await interact('chat-input', 'test-gated-late');
    expect(res.body).toEqual({ type: 5 });
    expect(res.ms).toBeGreaterThanOrEqual(250);
    expect(res.ms).toBeLessThan(INTERACTION_ACK_DEADLINE_MS);
    lateGate.open();
    const edited = await fake.waitFor(() => fake.interactions.get(id)!.original, 4000, 'the edit of the deferral');
    expect(textOf(edited)).toMatch(/Deferred by the timer/);
  });

  it('a slow command ending in a user error replaces the public deferral with a private follow-up', async () => {
    const { res, id } = await interact('chat-input', 'test-slow-error');
    expect(res.body).toEqual({ type: 5 });
    const followup = await fake.waitFor(() => fake.interactions.get(id)!.followups[0], 4000, 'the follow-up');
    expect(followup.ephemeral).toBe(true);
    expect(fake.interactions.get(id)!.deleted).toBe(true);
    expect(followup.pings).toEqual([]);
  });

  it('refuses a server-configuring command in a DM, as the gateway transport does', async () => {
    const { res } = await interact('chat-input', 'test-configure', {}, { inGuild: false });
    const data = (res.body as { data: { content: string; flags: number } }).data;
    expect(data.flags).toBe(64);
    expect(data.content).toMatch(/only works in a server/);
  });

  it('reads Manage Server from the member permissions', async () => {
    const { MANAGE_GUILD_PERMISSIONS } = await import('../../e2e/fake-discord/fake-discord.js');
    const { res } = await interact('chat-input', 'test-configure', {}, { permissions: MANAGE_GUILD_PERMISSIONS });
    expect((res.body as { data: { embeds: EmbedJson[] } }).data.embeds[0]!.description).toMatch(/canManageGuild=true/);
  });

  it('a failure outside the dispatcher still answers: a private apology with an error id', async () => {
    const failing = makeTransport();
    const real = createCommandHandler(all, services);
    await failing.start({ ...real, answer: () => Promise.reject(new Error('transport-level failure')) });
    try {
      const { payload } = fake.createHttpInteraction('chat-input', 'search', { query: 'Raqqa' });
      const res = await postInteraction(`http://127.0.0.1:${failing.port}`, key, payload);
      const data = (res.body as { type: number; data: { content: string; flags: number } }).data;
      expect(res.status).toBe(200);
      expect(data.flags).toBe(64);
      expect(data.content).toMatch(/error id [0-9a-f]{8}/);
    } finally {
      await failing.stop();
    }
  });

  it('GET /healthz: 200 when the store answers', async () => {
    const res = await fetch(`${baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', articles: 2 });
  });

  it('GET /healthz: 503 when the store does not answer', async () => {
    const closedStore = await openDatelineStore(path.join(temp.dir, 'closed.db'));
    await closedStore.close();
    const broken = makeTransport({ services: { ...services, store: closedStore } });
    await startTransport(broken);
    try {
      const res = await fetch(`http://127.0.0.1:${broken.port}/healthz`);
      expect(res.status).toBe(503);
    } finally {
      await broken.stop();
    }
  });

  it('answers 408 to a request whose body never finishes arriving', async () => {
    const started = performance.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(transport.port, '127.0.0.1', () => {
        socket.write('POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type":');
      });
      let data = '';
      socket.on('data', (c: Buffer) => (data += c.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // Generous: catches a missing timeout (it would hang), not a slow machine.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('posts unprompted messages (digests, feed items) through REST, and finds them again by marker', async () => {
    const target = { channelId: fake.guilds[0]!.channelId, guildId: fake.guilds[0]!.id };
    const sent = await transport.send(
      target,
      reply({ title: 'Daily digest', text: 'Five stories. @everyone', footer: 'digest-marker-42' }),
    );
    const posted = fake.messages.find((m) => m.id === sent.id)!;
    expect(posted.kind).toBe('channel');
    expect(posted.pings).toEqual([]);
    expect(await transport.findRecentMessage(target, 'digest-marker-42')).toEqual({ id: sent.id });
    expect(await transport.findRecentMessage(target, 'no-such-marker')).toBeNull();
  });
});
