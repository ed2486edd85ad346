/**
 * `hj212` command line: decode, encode, simulate, serve. Node only.
 */
import type { CrcMode } from '../crc.ts';
import { EncodeError, type EncodeOptions, encodeFrame, type FrameInput } from '../encode.ts';
import { StreamDecoder } from '../stream.ts';
import type { DecodedFrame, Edition } from '../types.ts';

const USAGE = `Usage: hj212 <command> [options]

Commands:
  decode [--lenient] [--crc-modes modbus-le,modbus-be,none] [--max-segment N]
      Read an HJ 212 byte stream on stdin; write one JSON object per frame on stdout:
      {"ok","edition","crcValid","header","cp","issues"}. Skipped bytes are reported on the next frame
      (or on stderr at the end).
  encode [--edition 2017|2025|2005] [--allow-long]
      Read JSON objects on stdin, one per line ({"header":{…},"cp":{…}}, e.g. the output of decode);
      write frames on stdout. Bad lines are reported on stderr; the exit code is 1 if any failed.
  simulate --host H --port P --devices N --cn 2011|2051|2061 --interval S --duration S
           [--fault-rate R] [--faults badCrc,lowercaseCrc,split,merged,garbage] [--editions 2017|2005|mixed]
           [--media water|air|mixed] [--ack-timeout S] [--retries N] [--drain S] [--seed N] [--json]
      Run a device fleet against a platform and report frames sent, acked, retransmitted and ack latency.
  serve [--port P] [--host H] [--strict]
      Run the reference server (decode + ack per the protocol engine) until interrupted.
  help
`;

type Flags = Record<string, string | true>;

function parseFlags(args: readonly string[]): Flags {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    if (eq > 0) {
      flags[a.slice(2, eq)] = a.slice(eq + 1);
      continue;
    }
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags[a.slice(2)] = next;
      i++;
    } else flags[a.slice(2)] = true;
  }
  return flags;
}

function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  if (v === true) throw new Error(`--${name} needs a value`);
  return v;
}

function num(flags: Flags, name: string, fallback?: number): number {
  const v = str(flags, name);
  if (v === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number`);
  return n;
}

function frameJson(f: DecodedFrame): string {
  return JSON.stringify(f);
}

async function decodeCommand(flags: Flags): Promise<number> {
  const modes = str(flags, 'crc-modes');
  const crcModes = modes === undefined ? [] : (modes.split(',').filter((m) => m !== '') as CrcMode[]);
  for (const m of crcModes) {
    if (!['hj212', 'modbus-be', 'modbus-le', 'none'].includes(m)) throw new Error(`unknown CRC mode "${m}"`);
  }
  const maxSegment = str(flags, 'max-segment') === undefined ? undefined : num(flags, 'max-segment');
  const decoder = new StreamDecoder({ lenient: flags.lenient === true, crcModes, maxSegment });
  const out = process.stdout;
  for await (const chunk of process.stdin) {
    const frames = decoder.push(chunk as Uint8Array);
    if (frames.length > 0) out.write(`${frames.map(frameJson).join('\n')}\n`);
  }
  const last = decoder.end();
  if (last.frames.length > 0) out.write(`${last.frames.map(frameJson).join('\n')}\n`);
  for (const issue of last.skipped) process.stderr.write(`${issue.code}: ${issue.message}\n`);
  return 0;
}

function toInput(value: unknown): FrameInput {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
  const o = value as Record<string, unknown>;
  if (o.header === null || typeof o.header !== 'object') throw new Error('missing "header" object');
  const input: FrameInput = { header: o.header as FrameInput['header'] };
  if (o.cp !== undefined) input.cp = o.cp as FrameInput['cp'];
  if (o.edition === '2005' || o.edition === '2017' || o.edition === '2025') input.edition = o.edition;
  return input;
}

async function encodeCommand(flags: Flags): Promise<number> {
  const ed = str(flags, 'edition');
  if (ed !== undefined && ed !== '2005' && ed !== '2017' && ed !== '2025')
    throw new Error('--edition must be 2005, 2017 or 2025');
  const options: EncodeOptions = { allowLong: flags['allow-long'] === true };
  if (ed !== undefined) options.edition = ed as Edition;
  let failed = 0;
  let lineNo = 0;
  let pending = '';
  const handle = (line: string) => {
    lineNo++;
    if (line.trim() === '') return;
    try {
      const input = toInput(JSON.parse(line));
      // The strict 2017 form unless 2025 is asked for (by --edition or the object's "edition"); the 2005 dialect
      // only with --edition 2005, so that decoded 2005 frames are re-encoded as 2017.
      if (input.edition === '2005') input.edition = undefined;
      process.stdout.write(encodeFrame(input, options));
    } catch (err) {
      failed++;
      const msg = err instanceof EncodeError || err instanceof Error ? err.message : String(err);
      process.stderr.write(`line ${lineNo}: ${msg}\n`);
    }
  };
  for await (const chunk of process.stdin) {
    pending += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk as Uint8Array, { stream: true });
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      handle(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  }
  if (pending !== '') handle(pending);
  return failed > 0 ? 1 : 0;
}

async function simulateCommand(flags: Flags): Promise<number> {
  const { simulate, FAULTS } = await import('../simulator/simulate.ts');
  const cn = str(flags, 'cn') ?? '2051';
  if (cn !== '2011' && cn !== '2051' && cn !== '2061') throw new Error('--cn must be 2011, 2051 or 2061');
  const editions = str(flags, 'editions') ?? '2017';
  if (editions !== '2017' && editions !== '2005' && editions !== 'mixed')
    throw new Error('--editions must be 2017, 2005 or mixed');
  const media = str(flags, 'media') ?? 'mixed';
  if (media !== 'water' && media !== 'air' && media !== 'mixed') throw new Error('--media must be water, air or mixed');
  const faultList = str(flags, 'faults');
  const faults = faultList === undefined ? FAULTS : faultList.split(',').filter((f) => f !== '');
  for (const f of faults) if (!FAULTS.includes(f as never)) throw new Error(`unknown fault "${f}"`);
  const faultRate = num(flags, 'fault-rate', 0);
  if (faultRate < 0 || faultRate > 1) throw new Error('--fault-rate must be between 0 and 1');
  const json = flags.json === true;
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const report = await simulate({
    host: str(flags, 'host') ?? '127.0.0.1',
    port: num(flags, 'port'),
    devices: num(flags, 'devices', 10),
    cn,
    intervalMs: num(flags, 'interval', 60) * 1000,
    durationMs: num(flags, 'duration') * 1000,
    faultRate,
    faults: faults as typeof FAULTS,
    editions,
    media,
    ackTimeoutMs: num(flags, 'ack-timeout', 10) * 1000,
    retries: num(flags, 'retries', 3),
    // After --duration, wait at most this long for outstanding acks (default: one ack timeout).
    drainMs: flags.drain === undefined ? undefined : num(flags, 'drain') * 1000,
    seed: num(flags, 'seed', 212),
    signal: controller.signal,
    onProgress: (r) =>
      process.stderr.write(
        `[${(r.elapsedMs / 1000).toFixed(0)} s] connected ${r.connected}/${r.devices}, sent ${r.framesSent}, ` +
          `acked ${r.acked}, retransmitted ${r.retransmitted}, unacked ${r.unacked}, p99 ${r.latencyMs.p99} ms\n`,
      ),
  });
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    const l = report.latencyMs;
    const lines = [
      `devices            ${report.connected}/${report.devices} connected (${report.connectErrors} connect errors)`,
      `frames sent        ${report.framesSent} (${report.ackRequested} asked for an ack)`,
      `acked              ${report.acked}`,
      `retransmitted      ${report.retransmitted}`,
      `unacked            ${report.unacked} given up, ${report.pending} still pending at the end`,
      `duplicate acks     ${report.duplicateAcks}`,
      `bad replies        ${report.badReplies}`,
      `commands answered  ${report.commandsAnswered}`,
      `faults injected    ${Object.entries(report.faults)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
      `ack latency (ms)   p50 ${l.p50}, p90 ${l.p90}, p99 ${l.p99}, max ${l.max} (n=${l.count})`,
      `bytes              sent ${report.bytesSent}, received ${report.bytesReceived}`,
      `elapsed            ${(report.elapsedMs / 1000).toFixed(1)} s`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return report.connected === 0 && report.devices > 0 ? 1 : 0;
}

async function serveCommand(flags: Flags): Promise<number> {
  const { startTestServer } = await import('../simulator/server.ts');
  const server = await startTestServer({
    port: num(flags, 'port', 0),
    host: str(flags, 'host') ?? '127.0.0.1',
    lenient: flags.strict !== true,
  });
  process.stderr.write(`hj212 reference server listening on port ${server.port} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await server.close();
  process.stderr.write(`${JSON.stringify(server.stats)}\n`);
  return 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const flags = parseFlags(rest);
    switch (command) {
      case 'decode':
        return await decodeCommand(flags);
      case 'encode':
        return await encodeCommand(flags);
      case 'simulate':
        return await simulateCommand(flags);
      case 'serve':
        return await serveCommand(flags);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        process.stderr.write(`unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    process.stderr.write(`hj212 ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
