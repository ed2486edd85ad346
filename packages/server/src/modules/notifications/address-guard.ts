import { lookup } from 'node:dns/promises';
import { isIP, isIPv4 } from 'node:net';

// Enterprises choose webhook URLs, so the server must not become their way into the bureau's own
// network. The receiver's host is resolved once, every resolved address must be a public unicast
// address, and the request then connects to that very address (no second lookup a rebinding DNS
// server could answer differently).
//
// Classified by hand rather than with node:net BlockList: a BlockList holding an IPv6 rule for
// ::ffff:0:0/96 also matches every plain IPv4 address, which refused every IPv4 receiver, while
// the IPv6 forms that reach loopback (::, ::7f00:1, 64:ff9b::7f00:1) were not covered at all.

type V4Range = readonly [base: number, bits: number];
const ip4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

// RFC 6890 special-purpose IPv4 blocks that are not globally reachable, plus multicast/reserved.
const V4_BLOCKED: V4Range[] = [
  [ip4(0, 0, 0, 0), 8], // "this network", includes 0.0.0.0
  [ip4(10, 0, 0, 0), 8],
  [ip4(100, 64, 0, 0), 10], // carrier-grade NAT
  [ip4(127, 0, 0, 0), 8],
  [ip4(169, 254, 0, 0), 16], // link-local (cloud metadata at 169.254.169.254)
  [ip4(172, 16, 0, 0), 12],
  [ip4(192, 0, 0, 0), 24], // IETF protocol assignments
  [ip4(192, 0, 2, 0), 24], // documentation
  [ip4(192, 88, 99, 0), 24], // 6to4 relay anycast
  [ip4(192, 168, 0, 0), 16],
  [ip4(198, 18, 0, 0), 15], // benchmarking
  [ip4(198, 51, 100, 0), 24],
  [ip4(203, 0, 113, 0), 24],
  [ip4(224, 0, 0, 0), 4], // multicast
  [ip4(240, 0, 0, 0), 4], // reserved, includes 255.255.255.255
];

function parseV4(s: string): number {
  const [a, b, c, d] = s.split('.').map(Number) as [number, number, number, number];
  return ip4(a, b, c, d);
}

function v4Public(n: number): boolean {
  return !V4_BLOCKED.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
}

/** IPv6 text → 8 groups of 16 bits (a trailing dotted quad becomes the last two groups). */
function parseV6(s: string): number[] {
  let text = s.split('%')[0]!.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = parseV4(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':').map((g) => Number.parseInt(g, 16)) : [];
  const t = tail ? tail.split(':').map((g) => Number.parseInt(g, 16)) : [];
  const zeros = tail === undefined ? [] : new Array<number>(8 - h.length - t.length).fill(0);
  return [...h, ...zeros, ...t];
}

function startsWith(g: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i * 16 < bits; i++) {
    const take = Math.min(16, bits - i * 16);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((g[i]! & mask) !== (prefix[i]! & mask)) return false;
  }
  return true;
}

const embeddedV4 = (hi: number, lo: number) => ((hi << 16) | lo) >>> 0;

function v6Public(g: number[]): boolean {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  // ::ffff:a.b.c.d (IPv4-mapped) and 64:ff9b::a.b.c.d (NAT64) reach the embedded IPv4 address.
  if (zeroUpTo(5) && g[5] === 0xffff) return v4Public(embeddedV4(g[6]!, g[7]!));
  if (startsWith(g, [0x64, 0xff9b, 0, 0, 0, 0], 96)) return v4Public(embeddedV4(g[6]!, g[7]!));
  // 2002:AABB:CCDD::/16 (6to4) tunnels to the IPv4 address in its second and third groups.
  if (g[0] === 0x2002) return v4Public(embeddedV4(g[1]!, g[2]!));
  // ::/96 holds ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d; none is a public receiver.
  if (zeroUpTo(6)) return false;
  const blocked: [number[], number][] = [
    [[0x64, 0xff9b, 0x1], 48], // local-use NAT64
    [[0x100, 0, 0, 0], 64], // discard-only
    [[0x2001, 0], 32], // Teredo: tunnels to an address we cannot see
    [[0x2001, 0xdb8], 32], // documentation
    [[0xfc00], 7], // unique local
    [[0xfe80], 10], // link-local
    [[0xfec0], 10], // site-local (deprecated)
    [[0xff00], 8], // multicast
  ];
  return !blocked.some(([prefix, bits]) => startsWith(g, [...prefix, 0, 0, 0, 0, 0, 0, 0, 0], bits));
}

/** Whether a literal IPv4/IPv6 address is a public unicast address a webhook may be sent to. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address.split('%')[0]!);
  if (family === 4) return v4Public(parseV4(address));
  if (family === 6) return v6Public(parseV6(address));
  return false;
}

export type ResolvedTarget = { address: string; family: 4 | 6 };

export class PrivateTargetError extends Error {
  constructor(
    message: string,
    readonly address: string,
  ) {
    super(message);
  }
}

/** The receiver's name has no address (typo, no such domain, or the name server did not answer). */
export class UnresolvableHostError extends Error {
  constructor(
    message: string,
    readonly host: string,
  ) {
    super(message);
  }
}

/**
 * The address a webhook to `url` connects to. Every address the name resolves to must be public
 * (unless private receivers are allowed): a name with one private address among public ones could
 * otherwise be answered with the private one later.
 */
export async function resolveTarget(url: URL, allowPrivate: boolean): Promise<ResolvedTarget> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const unresolvable = () =>
    new UnresolvableHostError(`Webhook 地址无法解析 / the webhook host does not resolve (${host})`, host);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw unresolvable();
    }
  }
  if (addresses.length === 0) throw unresolvable();
  if (!allowPrivate) {
    for (const a of addresses) {
      if (!isPublicAddress(a.address)) {
        throw new PrivateTargetError(
          `Webhook 地址指向内部网络（${a.address}），已拒绝 / the webhook points into a private network (${a.address})`,
          a.address,
        );
      }
    }
  }
  const first = addresses[0]!;
  return { address: first.address, family: isIPv4(first.address) ? 4 : 6 };
}
