import net from 'node:net';
import { encodeFrame, formatDataTime } from '@qingshan/hj212';
import type { ModuleContext, ModuleService } from '../../platform/module.ts';
import { gatewayHolder } from '../monitoring/runtime.ts';
import { hj212MeterStats } from './hj212-meters.ts';

/**
 * Demo only: the ceramics plant's meters (seed.ts: the kiln JS-L1 and the desulphurisation pump
 * JS-F1) report through a data logger over HJ 212 instead of MQTT, so `npm start` shows the path:
 * a 2011 frame a minute to the gateway, acked once stored, the readings in the plant's curve and
 * R3 still holding (the pump keeps running at about a quarter of its rating).
 */
export const DEMO_METER_LOGGER = {
  enterpriseName: '上栗县金山特种陶瓷有限公司',
  mn: '888888800000000036032281',
  password: '123456',
  /** meter code → the factor code the logger sends its power under */
  codes: { 'JS-L1': 'ele01', 'JS-F1': 'ele02' } as Record<string, string>,
} as const;

const EVERY_MS = 60_000;

/** The frame the demo logger sends at `at`: kiln near 360 kW, pump near 22 kW of its 90 kW. */
export function demoMeterFrame(at: number): Uint8Array {
  const minute = Math.floor(at / EVERY_MS);
  return encodeFrame({
    header: { ST: '80', CN: '2011', PW: DEMO_METER_LOGGER.password, MN: DEMO_METER_LOGGER.mn, Flag: 5 },
    cp: {
      DataTime: formatDataTime(Math.floor(at / EVERY_MS) * EVERY_MS),
      ele01: { Rtd: (360 + (minute % 11)).toFixed(1), Flag: 'N' },
      ele02: { Rtd: (22 + (minute % 3)).toFixed(1), Flag: 'N' },
    },
  });
}

/**
 * The demo logger as a service. The gateway is the monitoring module's and starts after this
 * module's services, so the logger dials on its first tick that finds it listening, and again
 * whenever the connection drops.
 */
export function demoMeterLoggerService(ctx: ModuleContext): ModuleService {
  const holder = gatewayHolder(ctx);
  let timer: ReturnType<typeof setInterval> | null = null;
  let first: ReturnType<typeof setTimeout> | null = null;
  let socket: net.Socket | null = null;
  let sent = 0;
  const tick = () => {
    const port = holder.gateway?.port;
    if (!port) return;
    if (!socket || socket.destroyed) {
      const s = net.connect({ port, host: '127.0.0.1' });
      s.on('error', () => s.destroy());
      s.on('data', () => {}); // the acks: the demo logger needs nothing from them
      s.once('connect', () => {
        s.write(demoMeterFrame(Date.now()));
        sent++;
      });
      socket = s;
      return;
    }
    if (socket.connecting) return;
    socket.write(demoMeterFrame(Date.now()));
    sent++;
  };
  return {
    name: 'hj212DemoMeters',
    async start() {
      if (!ctx.config.demo) return;
      first = setTimeout(tick, 5_000);
      first.unref();
      timer = setInterval(tick, EVERY_MS);
      timer.unref();
    },
    async stop() {
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
      first = null;
      timer = null;
      socket?.destroy();
      socket = null;
    },
    status: () =>
      timer
        ? {
            mn: DEMO_METER_LOGGER.mn,
            sent,
            meterFramesStored: hj212MeterStats.frames,
            meterReadings: hj212MeterStats.readings,
          }
        : null,
  };
}
