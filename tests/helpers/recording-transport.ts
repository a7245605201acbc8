import type { Clock } from '../../src/core/clock.js';
import type { Reply } from '../../src/core/reply.js';
import { SendCancelledError, type SendTarget, type SentMessage, type Transport } from '../../src/transports/transport.js';
import { renderReplyText } from '../../src/transports/shell/render-text.js';

export interface RecordedMessage {
  id: string;
  target: SendTarget;
  reply: Reply;
  /** The fake clock's time when it was posted. */
  at: Date;
  /** What a reader sees (title, text, fields, footer): searched by `findRecentMessage`. */
  text: string;
}

/**
 * Decides what happens to one send: post it, fail it, post it and never answer (a crash mid-send), or
 * stop the sending process until `until` settles and then go on (SIGSTOP / SIGCONT before the post).
 */
export type SendBehaviour = 'post' | 'hang' | 'post-then-hang' | 'post-then-fail' | Error | { pauseUntil: Promise<void> };

export interface RecordingTransport extends Transport {
  /** Every message in every channel, in order (including seeded ones). */
  readonly messages: RecordedMessage[];
  /** Send attempts, including failed ones. */
  readonly attempts: { target: SendTarget; at: Date; outcome: 'posted' | 'failed' | 'hung' | 'cancelled' }[];
  inChannel(channelId: string): RecordedMessage[];
  /** Per-channel behaviour for the next sends (default 'post'). */
  behave(channelId: string, behaviour: SendBehaviour | ((n: number) => SendBehaviour)): void;
}

/**
 * A Transport test double, as Hubot's DummyAdapter: `send` records what would have been posted
 * (with the fake clock's time), channels can be made to fail or hang, and `findRecentMessage`
 * searches the recorded history the way the Discord transport searches a channel.
 */
export function createRecordingTransport(clock: Clock, options: { history?: boolean } = {}): RecordingTransport {
  const messages: RecordedMessage[] = [];
  const attempts: RecordingTransport['attempts'] = [];
  const behaviours = new Map<string, SendBehaviour | ((n: number) => SendBehaviour)>();
  const counts = new Map<string, number>();
  let counter = 0;

  const post = (target: SendTarget, reply: Reply): RecordedMessage => {
    counter += 1;
    const message = { id: `m${counter}`, target, reply, at: clock.now(), text: renderReplyText(reply) };
    messages.push(message);
    return message;
  };

  const transport: RecordingTransport = {
    messages,
    attempts,
    inChannel: (channelId) => messages.filter((m) => m.target.channelId === channelId),
    behave: (channelId, behaviour) => {
      behaviours.set(channelId, behaviour);
    },
    async start() {},
    async stop() {},
    async send(target, reply, options = {}): Promise<SentMessage> {
      const n = (counts.get(target.channelId) ?? 0) + 1;
      counts.set(target.channelId, n);
      const rule = behaviours.get(target.channelId) ?? 'post';
      const behaviour = typeof rule === 'function' ? rule(n) : rule;
      // Let other channels' sends interleave, as network calls would.
      await new Promise((resolve) => setImmediate(resolve));
      if (typeof behaviour === 'object' && 'pauseUntil' in behaviour) await behaviour.pauseUntil;
      // As the Discord transport does, the caller's last check comes right before the post.
      if (options.beforeSend && !(await options.beforeSend())) {
        attempts.push({ target, at: clock.now(), outcome: 'cancelled' });
        throw new SendCancelledError();
      }
      if (behaviour instanceof Error) {
        attempts.push({ target, at: clock.now(), outcome: 'failed' });
        throw behaviour;
      }
      if (behaviour === 'post-then-fail') {
        // Created, but the answer was lost (a 502 or a timeout after Discord stored the message).
        post(target, reply);
        attempts.push({ target, at: clock.now(), outcome: 'failed' });
        throw new Error('502 Bad Gateway (after the message was created)');
      }
      if (behaviour === 'hang' || behaviour === 'post-then-hang') {
        if (behaviour === 'post-then-hang') post(target, reply);
        attempts.push({ target, at: clock.now(), outcome: 'hung' });
        return new Promise<SentMessage>(() => undefined);
      }
      attempts.push({ target, at: clock.now(), outcome: 'posted' });
      return { id: post(target, reply).id };
    },
  };
  if (options.history !== false) {
    transport.findRecentMessage = (target, marker) => {
      const found = [...messages].reverse().find((m) => m.target.channelId === target.channelId && m.text.includes(marker));
      return Promise.resolve(found ? { id: found.id } : null);
    };
  }
  return transport;
}
