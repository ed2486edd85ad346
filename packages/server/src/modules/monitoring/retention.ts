import { and, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { RuleDefault } from '../rules/defaults.ts';
import { getRuleNumber } from '../rules/service.ts';
import type { JobHandler } from '../scheduler/service.ts';
import { dropOldPartitions } from './readings.ts';
import { monitoringFrames } from './tables.ts';

const PLATFORM_DEFAULT = '本平台默认值（存储容量，非法规规定；可按本局数据保存要求修改）';
const PLATFORM_DEFAULT_EN =
  'the platform’s default (storage capacity, not set by law; may be changed to this bureau’s own data retention requirements)';

/** How long monitoring data stays (hourly and daily values are kept without limit). */
export const MONITORING_RULES: readonly RuleDefault[] = [
  {
    key: 'monitoring.realtime-retention-months',
    type: 'integer',
    labelZh: '实时和分钟监测数据保存月数',
    labelEn: 'monitoring: months real-time and minute readings are kept',
    note: '超过的整月数据分区被删除；小时、日数据不受影响，长期保存。',
    noteEn:
      'whole-month partitions older than this are deleted; hourly and daily data are not affected and are kept indefinitely.',
    value: 6,
    source: PLATFORM_DEFAULT,
    sourceEn: PLATFORM_DEFAULT_EN,
  },
  {
    key: 'monitoring.frame-retention-days',
    type: 'integer',
    labelZh: '原始报文（证据）保存天数',
    labelEn: 'monitoring: days raw frames are kept as evidence',
    note: '超过天数的原始报文被删除；经审核确认属实的报警所依据的报文（报警前后1小时内）长期保存，作为执法证据。',
    noteEn:
      'raw frames older than this are deleted; the frames a confirmed alarm rests on (from an hour before it to an hour after it) are kept indefinitely as enforcement evidence.',
    value: 365,
    source: PLATFORM_DEFAULT,
    sourceEn: PLATFORM_DEFAULT_EN,
  },
];

/**
 * How far around a confirmed alarm its station's raw frames are kept past their retention: the hour
 * before it was first seen (the values its hour average was made of) to an hour after it was last seen.
 */
export const EVIDENCE_MARGIN_MINUTES = 60;

/**
 * Deletes raw frames received before `cutoff`, except those a confirmed alarm rests on: an alarm an
 * officer confirmed is the evidence a later inspection or a removal from the positive list cites, and
 * its frames are what proves it.
 */
export async function deleteExpiredFrames(db: Db, cutoff: Date): Promise<void> {
  await db.delete(monitoringFrames).where(
    and(
      lt(monitoringFrames.receivedAt, cutoff),
      sql`not exists (
          select 1 from alarms a
          where a.source_kind = 'station' and a.source_id = ${monitoringFrames.stationId}::text
            and a.outcome = 'confirmed'
            and ${monitoringFrames.receivedAt} >= a.first_seen_at - make_interval(mins => ${EVIDENCE_MARGIN_MINUTES}::int)
            and ${monitoringFrames.receivedAt} <= a.last_seen_at + make_interval(mins => ${EVIDENCE_MARGIN_MINUTES}::int))`,
    ),
  );
}

/** Drops expired month partitions of real-time/minute readings and deletes expired raw frames. */
export const monitoringRetention: JobHandler = async ({ db }) => {
  const months = await getRuleNumber(db, 'monitoring.realtime-retention-months');
  const days = await getRuleNumber(db, 'monitoring.frame-retention-days');
  await dropOldPartitions(db, months);
  await deleteExpiredFrames(db, new Date(Date.now() - days * 86_400_000));
};
