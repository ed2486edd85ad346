import { ELECTRICITY_AUDIT_VOCABULARY, ELECTRICITY_MESSAGES } from '@qingshan/core/electricity';
import type { ModuleDefinition } from '../../platform/module.ts';
import { demoMeterLoggerService } from './hj212-demo.ts';
import { meterSubscriber } from './mqtt.ts';
import { electricityRoutes } from './routes.ts';
import { seedElectricity } from './seed.ts';
import { evaluateElectricity } from './service.ts';
import * as tables from './tables.ts';

/**
 * Electricity sub-metering (分表计电): meters over MQTT or HJ 212 (hj212-meters.ts), restriction orders, and rules R1–R5 run
 * every minute, raising and clearing alarms through the alarms module.
 */
export const electricityModule: ModuleDefinition = {
  name: 'electricity',
  tables,
  audit: ELECTRICITY_AUDIT_VOCABULARY,
  messages: ELECTRICITY_MESSAGES,
  routes: (app, ctx) =>
    app.register(electricityRoutes, {
      db: ctx.db,
      topicPrefix: ctx.config.mqttTopicPrefix,
    }),
  jobs: () => [
    {
      kind: 'electricity.evaluate',
      every: { scanMs: 60_000 },
      run: async ({ db }) => void (await evaluateElectricity(db)),
    },
  ],
  services: (ctx) => [
    meterSubscriber({
      db: ctx.db,
      url: ctx.config.mqttUrl,
      port: ctx.config.mqttPort,
      host: ctx.config.host,
      prefix: ctx.config.mqttTopicPrefix,
      log: ctx.log,
    }),
    demoMeterLoggerService(ctx),
  ],
  seed: seedElectricity,
};
