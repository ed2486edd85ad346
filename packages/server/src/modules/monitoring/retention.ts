import { lt } from 'drizzle-orm';
import type { RuleDefault } from '../rules/defaults.ts';
import { getRuleNumber } from '../rules/service.ts';
import type { JobHandler } from '../scheduler/service.ts';
import { dropOldPartitions } from './readings.ts';
import { monitoringFrames } from './tables.ts';

const PLATFORM_DEFAULT = '本平台默认值（存储容量，非法规规定；可按本局数据保存要求修改）';

/** How long monitoring data stays (hourly and daily values are kept without limit). */
export const MONITORING_RULES: readonly RuleDefault[] = [
  {
    key: 'monitoring.realtime-retention-months',
    type: 'integer',
    labelZh: '实时和分钟监测数据保存月数',
    labelEn: 'monitoring: months real-time and minute readings are kept',
    note: '超过的整月数据分区被删除；小时、日数据不受影响，长期保存。',
    value: 6,
    source: PLATFORM_DEFAULT,
  },
  {
    key: 'monitoring.frame-retention-days',
    type: 'integer',
    labelZh: '原始报文（证据）保存天数',
    labelEn: 'monitoring: days raw frames are kept as evidence',
    value: 365,
    source: PLATFORM_DEFAULT,
  },
];

/** Drops expired month partitions of real-time/minute readings and deletes expired raw frames. */
export const monitoringRetention: JobHandler = async ({ db }) => {
  const months = await getRuleNumber(db, 'monitoring.realtime-retention-months');
  const days = await getRuleNumber(db, 'monitoring.frame-retention-days');
  await dropOldPartitions(db, months);
  await db.delete(monitoringFrames).where(lt(monitoringFrames.receivedAt, new Date(Date.now() - days * 86_400_000)));
};
