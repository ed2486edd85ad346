/**
 * A small reference TCP server (Node only) built from the library: one {@link StreamDecoder} and one
 * {@link ProtocolEngine} per connection, replies written as soon as a frame is decoded. It is what the simulator
 * is tested against, and a baseline for the platform's real gateway; it stores nothing.
 */
import net from 'node:net';
import { ProtocolEngine } from '../engine.ts';
import { StreamDecoder } from '../stream.ts';
import type { DecodedFrame } from '../types.ts';

export interface TestServerOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Loopback by default. */
  host?: string;
  /** Accept device quirks (default true: a gateway must). */
  lenient?: boolean;
  /** Called for every decoded frame, with whether it was a retransmit. */
  onFrame?: (frame: DecodedFrame, duplicate: boolean) => void;
  /** Drop every n-th reply (to exercise device retransmits); 0 = never (default). */
  dropEveryNthReply?: number;
  /** Complete a frame sent without CR LF after this idle time, ms (default 200). */
  idleFlushMs?: number;
}

export interface TestServerStats {
  connections: number;
  frames: number;
  invalid: number;
  duplicates: number;
  replies: number;
  dropped: number;
  skippedBytes: number;
}

export interface TestServer {
  port: number;
  stats: TestServerStats;
  close(): Promise<void>;
}

export function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const stats: TestServerStats = {
    connections: 0,
    frames: 0,
    invalid: 0,
    duplicates: 0,
    replies: 0,
    dropped: 0,
    skippedBytes: 0,
  };
  const sockets = new Set<net.Socket>();
  let replyCount = 0;
  const server = net.createServer((socket) => {
    stats.connections++;
    sockets.add(socket);
    socket.setNoDelay(true);
    const decoder = new StreamDecoder({ lenient: options.lenient ?? true });
    const engine = new ProtocolEngine();
    let idle: ReturnType<typeof setTimeout> | undefined;
    const handle = (frames: DecodedFrame[]) => {
      for (const frame of frames) {
        stats.frames++;
        if (!frame.ok) stats.invalid++;
        const result = engine.receive(frame);
        if (result.duplicate) stats.duplicates++;
        options.onFrame?.(frame, result.duplicate);
        for (const reply of result.replies) {
          replyCount++;
          if (options.dropEveryNthReply && replyCount % options.dropEveryNthReply === 0) {
            stats.dropped++;
            continue;
          }
          stats.replies++;
          socket.write(reply);
        }
      }
    };
    socket.on('data', (chunk: Uint8Array) => {
      const before = decoder.deframer.stats.garbageBytes;
      handle(decoder.push(chunk));
      stats.skippedBytes += decoder.deframer.stats.garbageBytes - before;
      if (idle !== undefined) clearTimeout(idle);
      if (decoder.deframer.buffered > 0) idle = setTimeout(() => handle(decoder.flush()), options.idleFlushMs ?? 200);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      if (idle !== undefined) clearTimeout(idle);
      sockets.delete(socket);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        port,
        stats,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
