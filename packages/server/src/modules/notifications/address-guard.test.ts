import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isPublicAddress, PrivateTargetError, resolveTarget, UnresolvableHostError } from './address-guard.ts';
import type { DeliveryRow } from './channels.ts';
import { buildSenders, postPinned } from './channels.ts';

// Issue 14 #7: the old BlockList refused every IPv4 receiver (its ::ffff:0:0/96 rule matched
// plain IPv4 too) and let the IPv6 spellings of loopback through.

describe('isPublicAddress', () => {
  it('accepts public IPv4 and IPv6 receivers', () => {
    for (const a of ['8.8.8.8', '1.1.1.1', '223.5.5.5', '2400:3200::1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(a), a).toBe(true);
    }
  });

  it('refuses private, loopback, link-local, unspecified, multicast and their IPv6 disguises', () => {
    const refused = [
      '0.0.0.0',
      '10.1.2.3',
      '100.64.0.1',
      '127.0.0.1',
      '127.255.255.254',
      '169.254.169.254',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      '::7f00:1', // IPv4-compatible 127.0.0.1
      '::127.0.0.1',
      '::ffff:127.0.0.1', // IPv4-mapped
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '64:ff9b::7f00:1', // NAT64 of 127.0.0.1
      '64:ff9b::192.168.0.1',
      '2002:7f00:1::', // 6to4 of 127.0.0.1
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'fe80::1%eth0',
      'ff02::1',
      'not-an-address',
    ];
    for (const a of refused) expect(isPublicAddress(a), a).toBe(false);
  });

  it('keeps the edges of ranges right', () => {
    expect(isPublicAddress('172.15.255.255')).toBe(true);
    expect(isPublicAddress('172.32.0.0')).toBe(true);
    expect(isPublicAddress('100.128.0.0')).toBe(true);
    expect(isPublicAddress('64:ff9b::808:808')).toBe(true); // NAT64 of 8.8.8.8
    expect(isPublicAddress('fbff::1')).toBe(true);
  });
});

describe('resolveTarget', () => {
  it('checks literal addresses in URLs, bracketed IPv6 included', async () => {
    for (const u of ['http://[::]/h', 'http://[::7f00:1]/h', 'http://[64:ff9b::7f00:1]/h', 'http://127.0.0.1/h']) {
      await expect(resolveTarget(new URL(u), false), u).rejects.toBeInstanceOf(PrivateTargetError);
    }
    await expect(resolveTarget(new URL('http://8.8.8.8/h'), false)).resolves.toEqual({ address: '8.8.8.8', family: 4 });
  });

  it('resolves names and refuses one that points at loopback', async () => {
    await expect(resolveTarget(new URL('http://localhost:9/h'), false)).rejects.toBeInstanceOf(PrivateTargetError);
    await expect(resolveTarget(new URL('http://localhost:9/h'), true)).resolves.toMatchObject({});
  });
});

describe('webhook sender', () => {
  it('posts to the receiver and refuses a private one unless allowed; pins the checked address', async () => {
    const seen: { host: string | undefined; remote: string | undefined }[] = [];
    const server = http.createServer((req, res) => {
      seen.push({ host: req.headers.host, remote: req.socket.localAddress });
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const senders = buildSenders({ allowPrivateWebhooks: true });
      const delivery = {
        id: '00000000-0000-4000-8000-000000000001',
        kind: 'test',
        // an address, not localhost: a host whose localhost is ::1 first would miss this IPv4 listener
        target: `http://127.0.0.1:${port}/hook`,
        payload: { title: 't', body: 'b', link: null },
        createdAt: new Date(),
      } as unknown as DeliveryRow;
      await senders.webhook(delivery, { webhookSecret: 'secret-secret-secret' });
      expect(seen).toEqual([{ host: `127.0.0.1:${port}`, remote: '127.0.0.1' }]);
      // Without WEBHOOK_ALLOW_PRIVATE the same receiver is refused before any connection.
      await expect(buildSenders({}).webhook(delivery, { webhookSecret: 'x' })).rejects.toThrow(/内部网络/);
      expect(seen).toHaveLength(1);
      // The connection goes to the checked address, never to a second lookup of the name (which
      // here would fail: .invalid never resolves), so DNS rebinding cannot redirect it.
      const status = await postPinned(
        new URL(`http://rebind.invalid:${port}/hook`),
        { address: '127.0.0.1', family: 4 },
        {},
        '{}',
        5_000,
      );
      expect(status).toBe(200);
      expect(seen[1]).toEqual({ host: `rebind.invalid:${port}`, remote: '127.0.0.1' });
    } finally {
      server.close();
    }
  });
});

describe('resolveTarget names', () => {
  it('tells a name resolving to loopback from one that does not resolve; WEBHOOK_ALLOW_PRIVATE admits the first', async () => {
    await expect(resolveTarget(new URL('http://localhost:8080/hook'), false)).rejects.toBeInstanceOf(
      PrivateTargetError,
    );
    expect((await resolveTarget(new URL('http://localhost:8080/hook'), true)).address).toMatch(/^(127\.0\.0\.1|::1)$/);
    const missing = resolveTarget(new URL('https://hooks.example.invalid/'), true);
    await expect(missing).rejects.toBeInstanceOf(UnresolvableHostError);
    await expect(missing).rejects.toMatchObject({ host: 'hooks.example.invalid' });
  });
});
