import { describe, expect, it } from 'vitest';
import { createSignatureVerifier, MAX_SIGNATURE_AGE_MS } from '../../../src/transports/http/verify-signature.js';
import { generateSigningKey, signRequest } from './interaction-client.js';

describe('createSignatureVerifier', () => {
  const key = generateSigningKey();
  const other = generateSigningKey();
  const verify = createSignatureVerifier(key.publicKeyHex);
  const nowMs = 1_700_000_000_000;
  const ts = String(nowMs / 1000);
  const body = Buffer.from('{"type":1}');

  it.each([
    ['a valid signature', { signature: signRequest(key, ts, body), timestamp: ts, body }, nowMs, { ok: true }],
    [
      'the upper-case hex Discord may send',
      { signature: signRequest(key, ts, body).toUpperCase(), timestamp: ts, body },
      nowMs,
      { ok: true },
    ],
    ['4 min 59 s old', { signature: signRequest(key, ts, body), timestamp: ts, body }, nowMs + MAX_SIGNATURE_AGE_MS - 1000, { ok: true }],
    ['another key', { signature: signRequest(other, ts, body), timestamp: ts, body }, nowMs, { ok: false, reason: 'bad-signature' }],
    [
      'a changed body',
      { signature: signRequest(key, ts, body), timestamp: ts, body: Buffer.from('{"type":2}') },
      nowMs,
      { ok: false, reason: 'bad-signature' },
    ],
    [
      'a changed timestamp',
      { signature: signRequest(key, ts, body), timestamp: String(Number(ts) + 1), body },
      nowMs,
      { ok: false, reason: 'bad-signature' },
    ],
    [
      'a replay 5 min 1 s later',
      { signature: signRequest(key, ts, body), timestamp: ts, body },
      nowMs + MAX_SIGNATURE_AGE_MS + 1000,
      { ok: false, reason: 'stale' },
    ],
    [
      'a timestamp from the future',
      { signature: signRequest(key, ts, body), timestamp: ts, body },
      nowMs - MAX_SIGNATURE_AGE_MS - 1000,
      { ok: false, reason: 'stale' },
    ],
    ['no signature header', { signature: undefined, timestamp: ts, body }, nowMs, { ok: false, reason: 'missing-headers' }],
    [
      'no timestamp header',
      { signature: signRequest(key, ts, body), timestamp: undefined, body },
      nowMs,
      { ok: false, reason: 'missing-headers' },
    ],
    ['a signature that is not hex', { signature: 'zz'.repeat(64), timestamp: ts, body }, nowMs, { ok: false, reason: 'malformed' }],
    ['a short signature', { signature: 'ab', timestamp: ts, body }, nowMs, { ok: false, reason: 'malformed' }],
    [
      'a timestamp that is not a number',
      { signature: signRequest(key, 'soon', body), timestamp: 'soon', body },
      nowMs,
      { ok: false, reason: 'malformed' },
    ],
  ])('%s', (_name, request, at, expected) => {
    expect(verify(request, at)).toEqual(expected);
  });

  it('refuses a public key that is not 64 hex digits', () => {
    expect(() => createSignatureVerifier('abc')).toThrow(/64 hex digits/);
  });
});
