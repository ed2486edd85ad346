// What a first visit to a page costs on the wire: every response's encoded (transferred) and
// decoded size, read from Chromium's network events. Used by the intranet-host journey and by
// `node --import tsx e2e/transfer.ts <url> [identity]` to measure the public home by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

export type Transfer = {
  url: string;
  type: string;
  encoding: string | undefined;
  transferred: number;
  decoded: number;
};

/** Opens `url` in `page` (fresh cache) and lists every response with its sizes. */
export async function measureTransfer(page: Page, url: string, opts: { identity?: boolean } = {}): Promise<Transfer[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // `identity` asks for uncompressed bodies: what the server sent before it served .br/.gz.
  if (opts.identity) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  const byId = new Map<string, Transfer>();
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    byId.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      encoding: h['content-encoding'],
      transferred: 0,
      decoded: 0,
    });
  });
  cdp.on('Network.dataReceived', (e) => {
    const t = byId.get(e.requestId);
    if (t) t.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const t = byId.get(e.requestId);
    if (t) t.transferred = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await cdp.detach();
  return [...byId.values()];
}

export function summarise(list: Transfer[]): { scripts: number; scriptsDecoded: number; total: number; count: number } {
  const scripts = list.filter((t) => t.type === 'Script');
  return {
    scripts: scripts.reduce((s, t) => s + t.transferred, 0),
    scriptsDecoded: scripts.reduce((s, t) => s + t.decoded, 0),
    total: list.reduce((s, t) => s + t.transferred, 0),
    count: list.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? 'http://127.0.0.1:3000/';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-measure-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    headless: true,
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const list = await measureTransfer(page, url, { identity: process.argv[3] === 'identity' });
  for (const t of list.sort((a, b) => b.transferred - a.transferred)) {
    console.log(`${String(t.transferred).padStart(8)} ${String(t.decoded).padStart(8)} ${t.encoding ?? '-'} ${t.url}`);
  }
  console.log(JSON.stringify(summarise(list)));
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
