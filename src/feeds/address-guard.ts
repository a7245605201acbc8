import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * `/feeds add` lets a Discord member make the bot fetch a URL. Without a guard that is a server-side
 * request forgery: `http://127.0.0.1:…`, `http://169.254.169.254/` (cloud metadata) or a LAN admin page
 * fetched from inside the bot's network. So chat-added feeds must name a public host, checked by
 * address after DNS (every address the name resolves to), and again at every redirect.
 */

/** All addresses of a host name (node:dns `lookup` with `all: true`); injected so tests need no DNS. */
export type HostLookup = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

export const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const blocked = new BlockList();
// IPv4: "this network"/unspecified, RFC 1918 private, shared CGNAT space, loopback, link-local,
// IETF protocol assignments, documentation nets, benchmarking, multicast, reserved and broadcast.
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
// IPv6: unspecified, loopback and the deprecated IPv4-compatible ::/96, unique local (fc00::/7),
// link-local (fe80::/10), site-local (deprecated), multicast, documentation, discard-only.
for (const [net, prefix] of [
  ['::', 96], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64],
] as const) blocked.addSubnet(net, prefix, 'ipv6');

/** True for loopback, private, link-local, unspecified, multicast and other non-public addresses. Not an IP: false. */
export function isNonPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(ip);
  if (version === 4) return blocked.check(ip, 'ipv4');
  // BlockList checks IPv4-mapped IPv6 (`::ffff:7f00:1`) against the IPv4 rules too.
  return version === 6 && blocked.check(ip, 'ipv6');
}

/**
 * Null when the URL's host is public (a public IP, or a name all of whose addresses are public), else
 * the reason to refuse it. A name that does not resolve is refused too: it cannot be checked.
 */
export async function checkPublicUrl(url: string, lookup: HostLookup = systemLookup): Promise<string | null> {
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
    addresses = await lookup(host);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return `the host ${host} could not be resolved${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  if (addresses.length === 0) return `the host ${host} could not be resolved`;
  const bad = addresses.find((a) => isNonPublicAddress(a.address));
  return bad ? `the host ${host} resolves to ${bad.address}, a private, loopback or reserved address` : null;
}
