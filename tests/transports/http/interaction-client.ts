/**
 * A test client for the Interactions Endpoint: signs requests as Discord does (Ed25519 over
 * timestamp + body, with a key pair generated per test file) and reads the response, multipart
 * included, into the shape the fake Discord validates.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { UploadedFile } from '../../e2e/fake-discord/validate.js';

export interface SigningKey {
  /** What DISCORD_PUBLIC_KEY holds: the raw 32-byte key, hex. */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // The SPKI DER of an Ed25519 key ends with the 32 raw key bytes.
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { publicKeyHex: der.subarray(der.length - 32).toString('hex'), privateKey };
}

export function signRequest(key: SigningKey, timestamp: string, body: Buffer | string): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), key.privateKey).toString('hex');
}

export interface PostOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Sign with this key instead (a wrong signature). */
  signWith?: SigningKey;
  /** Send this signature verbatim. */
  signature?: string;
}

export interface InteractionResponse {
  status: number;
  /** The JSON body, or `payload_json` of a multipart body. */
  body: unknown;
  files: UploadedFile[];
  contentType: string;
  /** Round-trip time of the POST, for the 3 s deadline. */
  ms: number;
}

export async function readResponse(res: Response, started: number): Promise<InteractionResponse> {
  const contentType = res.headers.get('content-type') ?? '';
  const files: UploadedFile[] = [];
  let body: unknown;
  if (contentType.startsWith('multipart/form-data')) {
    const form = await res.formData();
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        const bytes = new Uint8Array(await value.arrayBuffer());
        files.push({ field, filename: value.name, contentType: value.type, size: bytes.length, bytes });
      }
    }
  } else {
    const text = await res.text();
    body = text ? (JSON.parse(text) as unknown) : undefined;
  }
  return { status: res.status, body, files, contentType, ms: performance.now() - started };
}

/** POST an interaction (an object, or raw bytes) to `${baseUrl}/interactions`, signed with `key`. */
export async function postInteraction(
  baseUrl: string,
  key: SigningKey,
  payload: unknown,
  options: PostOptions = {},
): Promise<InteractionResponse> {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = options.signature ?? signRequest(options.signWith ?? key, timestamp, body);
  const started = performance.now();
  const res = await fetch(`${baseUrl}/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    body,
  });
  return readResponse(res, started);
}
