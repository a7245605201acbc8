import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import type ipaddr from 'ipaddr.js';
import type { Dispatcher } from 'undici';
import { lazyModule } from '../core/lazy-module.js';

const ipaddrModule = lazyModule<typeof import('ipaddr.js')>('ipaddr.js');
const undici = lazyModule<typeof import('undici')>('undici');

/**
 * `/feeds add` lets a Discord member make the bot fetch a URL. Without a guard that is a server-side
 * request forgery: `http://127.0.0.1:…`, `http://169.254.169.254/` (cloud metadata) or a LAN admin page
 * fetched from inside the bot's network. So chat-added feeds must name a public host. A check of the
 * name before the fetch is not enough (DNS can answer differently a moment later: rebinding), so the
 * address the socket actually connects to is checked too, in the connection's own DNS lookup.
 */

/** All addresses of a host name (node:dns `lookup` with `all: true`); injected so tests need no DNS. */
export type HostLookup = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

export const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** The error code of a connection refused by the guard (the `cause` of the fetch's error). */
export const PRIVATE_ADDRESS_CODE = 'EDATELINE_PRIVATE_ADDRESS';

/** Why a resolved address was refused; deliberately without the address, which is the network's business. */
const RESOLVES_INSIDE = 'resolves to a private, loopback or reserved address';

/**
 * The IPv4 address an IPv6 address carries, for the transition mechanisms that route to it:
 * IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96 and 64:ff9b:1::/48, RFC 6052/8215: the last
 * 32 bits), 6to4 (2002:AABB:CCDD::/48, RFC 3056: bits 16-47) and Teredo (2001::/32, RFC 4380: the
 * server in bits 32-63, the client inverted in the last 32 bits).
 */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4[] {
  const p = ip.parts;
  const v4 = (hi: number, lo: number): ipaddr.IPv4 => new (ipaddrModule().IPv4)([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (ip.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
    case 'rfc6052':
      return [v4(p[6]!, p[7]!)];
    case '6to4':
      return [v4(p[1]!, p[2]!)];
    case 'teredo':
      return [v4(p[2]!, p[3]!), v4(p[6]! ^ 0xffff, p[7]! ^ 0xffff)];
    default:
      return [];
  }
}

const EMBEDDING_RANGES = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052', '6to4', 'teredo']);

/**
 * True for loopback, private, link-local, unspecified, multicast, documentation and other non-public
 * addresses, by ipaddr.js's ranges (only `unicast` is public), and for IPv6 addresses that embed such an
 * IPv4 address (NAT64, 6to4, Teredo, IPv4-mapped). Not an IP: false.
 */
export function isNonPublicAddress(address: string): boolean {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIP(text)) return false;
  const parsed = ipaddrModule().parse(text);
  if (parsed.kind() === 'ipv4') return (parsed as ipaddr.IPv4).range() !== 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  if (EMBEDDING_RANGES.has(range)) return embeddedIPv4(v6).some((inner) => inner.range() !== 'unicast');
  return range !== 'unicast';
}

export interface AddressPolicy {
  lookup: HostLookup;
  /**
   * Test-only: resolved addresses to let through although they are not public, so a test's "public"
   * feed host can be a server on loopback. Addresses written in a URL are judged as usual.
   */
  treatAsPublic?: readonly string[];
}

function resolvedAllowed(address: string, policy: AddressPolicy): boolean {
  return !isNonPublicAddress(address) || (policy.treatAsPublic ?? []).includes(address);
}

/**
 * Null when the URL's host is public (a public IP, or a name all of whose addresses are public), else
 * the reason to refuse it. A name that does not resolve is refused too: it cannot be checked. This is
 * the early, friendly check; `guardedDispatcher` enforces the same rule on the connection itself.
 */
export async function checkPublicUrl(url: string, policy: AddressPolicy | HostLookup = systemLookup): Promise<string | null> {
  const p: AddressPolicy = typeof policy === 'function' ? { lookup: policy } : policy;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url} is not a URL`;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isNonPublicAddress(host) ? `${host} is a private, loopback or reserved address` : null;
  let addresses: readonly { address: string }[];
  try {
    addresses = await p.lookup(host);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return `the host ${host} could not be resolved${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  if (addresses.length === 0) return `the host ${host} could not be resolved`;
  return addresses.every((a) => resolvedAllowed(a.address, p)) ? null : `the host ${host} ${RESOLVES_INSIDE}`;
}

function privateAddressError(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`the host ${hostname} ${RESOLVES_INSIDE}`), { code: PRIVATE_ADDRESS_CODE });
}

/**
 * A `net.connect` lookup that resolves with the policy's DNS and refuses when any address is not
 * public: the socket then connects to exactly the address that was checked.
 */
export function checkingLookup(policy: AddressPolicy): LookupFunction {
  const lookup = (
    hostname: string,
    options: LookupOneOptions | LookupAllOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    policy
      .lookup(hostname)
      .then((found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = found.filter((a) => family === 0 || a.family === family);
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
        } else if (!addresses.every((a) => resolvedAllowed(a.address, policy))) {
          callback(privateAddressError(hostname), []);
        } else if (options.all) {
          callback(
            null,
            addresses.map((a) => ({ address: a.address, family: a.family })),
          );
        } else {
          callback(null, addresses[0]!.address, addresses[0]!.family);
        }
      })
      .catch((error: unknown) => callback(error as NodeJS.ErrnoException, []));
  };
  return lookup;
}

/**
 * An undici dispatcher whose connections resolve names through `checkingLookup`. Addresses written in
 * the URL are not looked up by the socket, so the fetch checks those itself (`checkPublicUrl`).
 */
export function guardedDispatcher(policy: AddressPolicy): Dispatcher {
  return new (undici().Agent)({ connect: { lookup: checkingLookup(policy) } });
}
