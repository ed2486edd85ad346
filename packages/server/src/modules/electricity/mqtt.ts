import net from 'node:net';
import { meterPayloadSchema } from '@qingshan/core/electricity';
import type { Aedes } from 'aedes';
import type { MqttClient } from 'mqtt';
import type { Db } from '../../db/client.ts';
import type { ModuleService } from '../../platform/module.ts';
import { recordReading } from './service.ts';

/**
 * The meters' MQTT side (README, "Electricity meters over MQTT"): meters publish JSON
 * `{ "ts": "<ISO 8601 with offset>", "p": <kW>, "e": <kWh, optional> }` on
 * `<prefix>/meters/<meter code>/power`. With MQTT_URL the platform subscribes to that broker;
 * without, it runs an embedded broker (aedes) on MQTT_PORT so `npm start` needs nothing installed.
 * Messages are written one at a time in arrival order: PGlite has one connection, and a meter
 * sends a reading a minute, so a queue is all the throughput sub-metering needs.
 */
export type MeterSubscriberStats = { stored: number; duplicate: number; unknownMeter: number; invalid: number };

export function meterTopicFilter(prefix: string): string {
  return `${prefix}/meters/+/power`;
}

/** The meter code of a topic under the prefix, or null when the topic is not a meter's. */
export function meterCodeOfTopic(prefix: string, topic: string): string | null {
  const head = `${prefix}/meters/`;
  if (!topic.startsWith(head) || !topic.endsWith('/power')) return null;
  const code = topic.slice(head.length, -'/power'.length);
  return /^[A-Za-z0-9_-]{1,40}$/.test(code) ? code : null;
}

export type MeterSubscriberOptions = {
  db: Db;
  /** external broker; without it an embedded broker is started on `port` */
  url: string | undefined;
  port: number;
  /** where the embedded broker listens: the HTTP server's host (loopback unless the site opens it) */
  host: string;
  prefix: string;
  log: (line: string) => void;
};

export type MeterSubscriber = ModuleService & {
  stats: MeterSubscriberStats;
  /** the embedded broker's bound port (0 when an external broker is used or none runs) */
  brokerPort(): number;
  /** resolves when every message received so far is written (tests) */
  drain(): Promise<void>;
};

export function meterSubscriber(o: MeterSubscriberOptions): MeterSubscriber {
  const stats: MeterSubscriberStats = { stored: 0, duplicate: 0, unknownMeter: 0, invalid: 0 };
  let broker: Aedes | null = null;
  let server: net.Server | null = null;
  let client: MqttClient | null = null;
  let queue: Promise<void> = Promise.resolve();
  let boundPort = 0;

  const handle = async (topic: string, payload: Buffer) => {
    const code = meterCodeOfTopic(o.prefix, topic);
    let parsed: ReturnType<typeof meterPayloadSchema.safeParse> | null = null;
    try {
      parsed = code ? meterPayloadSchema.safeParse(JSON.parse(payload.toString('utf8'))) : null;
    } catch {
      parsed = null;
    }
    if (!code || !parsed?.success) {
      stats.invalid++;
      if (stats.invalid <= 10 || stats.invalid % 1000 === 0)
        o.log(`electricity: ignored an invalid meter message on ${topic.slice(0, 120)} (${stats.invalid} so far)`);
      return;
    }
    const result = await recordReading(o.db, {
      code,
      at: new Date(parsed.data.ts),
      kw: parsed.data.p,
      kwh: parsed.data.e,
    });
    if (result === 'stored') stats.stored++;
    else if (result === 'duplicate') stats.duplicate++;
    else {
      stats.unknownMeter++;
      if (stats.unknownMeter <= 10) o.log(`electricity: a reading for the unregistered meter ${code} was ignored`);
    }
  };

  return {
    name: 'mqtt-meters',
    status: () =>
      client
        ? {
            broker: o.url ? 'external' : 'embedded',
            brokerPort: boundPort || null,
            stored: stats.stored,
            invalid: stats.invalid,
          }
        : null,
    stats,
    brokerPort: () => boundPort,
    drain: () => queue,
    async start() {
      let url = o.url;
      if (!url) {
        if (o.port === 0) return;
        // the broker's and the client's libraries load when the service starts, not with the
        // platform: aedes only for the embedded broker, neither with MQTT_PORT=0 (issue 11)
        const aedes = await import('aedes');
        broker = await aedes.Aedes.createBroker();
        server = net.createServer(broker.handle);
        const srv = server;
        await new Promise<void>((resolve, reject) => {
          srv.once('error', reject);
          srv.listen(o.port, o.host, () => resolve());
        }).catch((e: NodeJS.ErrnoException) => {
          // the platform still serves everything else: say what to set instead of failing to start
          o.log(
            `electricity: the embedded MQTT broker could not listen on port ${o.port} (${e.code ?? e.message}); set MQTT_URL to an existing broker or MQTT_PORT to a free port (0 turns it off)`,
          );
          server = null;
        });
        if (!server) {
          broker.close();
          broker = null;
          return;
        }
        boundPort = (server.address() as net.AddressInfo).port;
        url = `mqtt://127.0.0.1:${boundPort}`;
        o.log(`electricity: embedded MQTT broker listening on port ${boundPort}`);
      }
      const { connectAsync } = await import('mqtt');
      client = await connectAsync(url, {
        clientId: `qingshan-meters-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
        reconnectPeriod: 2_000,
        connectTimeout: 10_000,
      });
      client.on('message', (topic, payload) => {
        queue = queue
          .then(() => handle(topic, payload))
          .catch((e) => o.log(`electricity: a reading was not stored: ${(e as Error).message}`));
      });
      client.on('error', (e) => o.log(`electricity: MQTT error: ${e.message}`));
      await client.subscribeAsync(meterTopicFilter(o.prefix), { qos: 1 });
      o.log(`electricity: subscribed to ${meterTopicFilter(o.prefix)}`);
    },
    async stop() {
      if (client) await client.endAsync().catch(() => undefined);
      client = null;
      await queue;
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
      if (broker) await new Promise<void>((resolve) => broker!.close(() => resolve()));
      broker = null;
    },
  };
}
