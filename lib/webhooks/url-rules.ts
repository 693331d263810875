// Where webhooks may be sent (SPEC §8.4): HTTPS; plain HTTP only to loopback (for
// development); no private, loopback or link-local address unless WEBHOOKS_ALLOW_PRIVATE=1
// (demo mode sets it) — so the feature cannot probe the server's own network. The
// address is checked at registration AND at every connection (see safeLookup), so a DNS
// name that later resolves somewhere private (rebinding) is refused at send time.
import { BlockList, isIP } from 'node:net';
import { lookup, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { ValidationError } from '@/lib/platform/errors';
import { WEBHOOK_ERRORS } from './webhook-error-codes';
import { urlShapeProblem } from './url-shape';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** WEBHOOKS_ALLOW_PRIVATE=1 or 0 decides; unset, demo mode allows (so a local receiver works in the demo). */
export const allowPrivateTargets = () => {
  const v = process.env.WEBHOOKS_ALLOW_PRIVATE;
  if (v === '1' || v === '0') return v === '1';
  return process.env.DEMO_MODE === '1';
};

/** Private, loopback, link-local or otherwise non-public (IPv4-mapped IPv6 checked as IPv4). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return true;
}

const fail = (message: string, code: number) => new ValidationError(message, { url: [message] }, code);

async function resolveAll(hostname: string): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return [host];
  return new Promise((resolve, reject) =>
    lookup(host, { all: true, verbatim: true }, (err, addrs) => (err ? reject(err) : resolve(addrs.map((a) => a.address)))),
  );
}

/** Registration check: shape, then every address the name resolves to. */
export async function assertWebhookUrlAllowed(raw: string): Promise<void> {
  const shape = urlShapeProblem(raw);
  if (shape) throw fail(shape, shape.startsWith('Enter') ? WEBHOOK_ERRORS.urlInvalid : WEBHOOK_ERRORS.urlSchemeNotAllowed);
  if (allowPrivateTargets()) return;
  let addresses: string[];
  try {
    addresses = await resolveAll(new URL(raw).hostname);
  } catch {
    throw fail('This host name does not resolve.', WEBHOOK_ERRORS.urlUnresolvable);
  }
  if (addresses.some(isNonPublicAddress)) {
    throw fail(
      'This URL points to a private, loopback or link-local address, which webhooks may not reach.',
      WEBHOOK_ERRORS.urlPrivateAddress,
    );
  }
}

export class BlockedAddressError extends Error {
  constructor(address: string) {
    super(`Refused to connect to non-public address ${address}`);
    this.name = 'BlockedAddressError';
  }
}

/**
 * The lookup given to http(s).request: the connection goes to exactly the address checked
 * here, so there is no window between check and connect for DNS to change its answer.
 */
export const safeLookup: LookupFunction = (hostname, options, callback) => {
  const lookupAll: LookupAllOptions = { ...options, all: true };
  lookup(hostname, lookupAll, (err, list) => {
    if (err) return callback(err, '', 0);
    const bad = allowPrivateTargets() ? undefined : list.find((a) => isNonPublicAddress(a.address));
    if (bad) return callback(new BlockedAddressError(bad.address), '', 0);
    // The caller asked for every address (Happy Eyeballs): give it the checked list.
    if (options.all) return callback(null, list);
    const [first] = list;
    if (!first) return callback(Object.assign(new Error(`No address found for ${hostname}.`), { code: 'ENOTFOUND' }), '', 0);
    callback(null, first.address, first.family);
  });
};
