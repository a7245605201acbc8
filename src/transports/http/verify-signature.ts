/**
 * Discord's request signature for the Interactions Endpoint URL: Ed25519 over `timestamp + raw body`
 * with the application's public key. node:crypto verifies Ed25519 once the raw 32-byte key is
 * wrapped as SPKI DER, so no extra package is needed.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** The fixed DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A signature older than this (or this far in the future) is a replay, however valid its bytes. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing-headers' | 'malformed' | 'stale' | 'bad-signature' };

export interface SignedRequest {
  /** `X-Signature-Ed25519`: 128 hex digits. */
  signature: string | undefined;
  /** `X-Signature-Timestamp`: Unix seconds as Discord sends them. */
  timestamp: string | undefined;
  body: Buffer;
}

/** A verifier bound to one public key (hex, as the Developer Portal shows it). Throws on a malformed key. */
export function createSignatureVerifier(
  publicKeyHex: string,
  maxAgeMs = MAX_SIGNATURE_AGE_MS,
): (request: SignedRequest, nowMs: number) => SignatureCheck {
  if (!/^[0-9a-fA-F]{64}$/.test(publicKeyHex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex digits');
  const key: KeyObject = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
  return ({ signature, timestamp, body }, nowMs) => {
    if (!signature || !timestamp) return { ok: false, reason: 'missing-headers' };
    if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
    // Check the bytes before the age, so a forged request never learns whether its timestamp passed.
    const valid = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
    if (!valid) return { ok: false, reason: 'bad-signature' };
    if (Math.abs(nowMs - Number(timestamp) * 1000) > maxAgeMs) return { ok: false, reason: 'stale' };
    return { ok: true };
  };
}
