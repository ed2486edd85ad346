import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import type { ClockProfileDefinition } from './deadline.ts';
import type { MessageTable } from './messages.ts';

/**
 * Clues (线索): leads from drone patrols, remote sensing, video points, 12369 reports and reception
 * concerns, each placed on the map, matched to the nearest registered site (confirmed by an
 * officer), verified against a working-day clock and closed with an outcome. Rectification
 * orders and cases are not kept here: an outcome only says one was ordered.
 */

export const CLUE_SOURCES = ['drone', 'remote-sensing', 'video', 'report', 'reception'] as const;
export type ClueSource = (typeof CLUE_SOURCES)[number];
export const CLUE_SOURCE_LABELS: Readonly<Record<ClueSource, { zh: string; en: string }>> = {
  drone: { zh: '无人机巡查', en: 'drone patrol' },
  'remote-sensing': { zh: '遥感监测', en: 'remote sensing' },
  video: { zh: '视频监控', en: 'video point' },
  report: { zh: '12369 举报', en: '12369 report' },
  reception: { zh: '接待日诉求', en: 'reception-day concern' },
};

/** the two sources that arrive as GeoJSON batches */
export const IMPORT_SOURCES = ['drone', 'remote-sensing'] as const;

export const CLUE_STATUSES = ['pending', 'verified'] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number];
export const CLUE_STATUS_LABELS: Readonly<Record<ClueStatus, { zh: string; en: string }>> = {
  pending: { zh: '待核查', en: 'to verify' },
  verified: { zh: '已核查', en: 'verified' },
};

export const CLUE_OUTCOMES = ['no-problem', 'problem-found', 'rectification-ordered', 'transferred'] as const;
export type ClueOutcome = (typeof CLUE_OUTCOMES)[number];
export const CLUE_OUTCOME_LABELS: Readonly<Record<ClueOutcome, { zh: string; en: string }>> = {
  'no-problem': { zh: '经核查无环境问题', en: 'no problem found' },
  'problem-found': { zh: '经核查存在环境问题', en: 'problem found' },
  'rectification-ordered': { zh: '已责令整改', en: 'rectification ordered' },
  transferred: { zh: '移交其他部门', en: 'transferred to another body' },
};
/** outcomes that count as a finding against the matched enterprise (risk score, credit) */
export const FINDING_OUTCOMES: readonly ClueOutcome[] = ['problem-found', 'rectification-ordered'];

/**
 * The county's extent with a margin: a point outside it is a wrong coordinate order or system (a
 * GCJ-02/WGS-84 mix-up stays inside; a swapped lat/lng does not), refused per feature.
 */
export const CLUE_AREA = { minLat: 27.6, maxLat: 28.25, minLng: 113.55, maxLng: 114.2 } as const;

export const MAX_IMPORT_FEATURES = 500;
/**
 * Photos sent with one import, and kept on one clue: a patrol's evidence for a batch, bounded so
 * one request stays a few dozen megabytes (each photo ≤ 5 MB, the whole upload ≤ 32 MB).
 */
export const MAX_IMPORT_PHOTOS = 20;
export const MAX_CLUE_PHOTOS = 20;
export const CLUE_IMPORT_UPLOAD_LIMIT = 32 * 1024 * 1024;

const text = (max: number) => z.string().trim().min(1).max(max);
const photoLink = z
  .string()
  .trim()
  .max(500)
  .regex(/^(https?:\/\/|\/)[^\s<>"]+$/, { message: 'clue.photo' });

/** a file name as the patrol's camera or the operator gave it: no path, just the name */
const photoName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^/\\]+$/, { message: 'clue.photoName' });

/** The photo file names a feature names, in order. */
export const featurePhotoNames = (f: ClueFeature): string[] =>
  f.properties.photo === undefined ? [] : Array.isArray(f.properties.photo) ? f.properties.photo : [f.properties.photo];

const lngLat = z
  .tuple([z.number().finite(), z.number().finite()])
  .rest(z.number().finite())
  .refine(
    ([lng, lat]) =>
      lng >= CLUE_AREA.minLng && lng <= CLUE_AREA.maxLng && lat >= CLUE_AREA.minLat && lat <= CLUE_AREA.maxLat,
    { message: 'clue.outsideCounty' },
  );

/** One finding. Polygons (a remote-sensing patch) are placed at their outer ring's mean point. */
export const clueFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Point'), coordinates: lngLat }),
    z.object({
      type: z.literal('Polygon'),
      coordinates: z.array(z.array(lngLat).min(4).max(2000)).min(1).max(20),
    }),
  ]),
  properties: z.object({
    description: text(1000),
    /** the name of the photo file (or files) sent with the GeoJSON that shows this finding */
    photo: z.union([photoName, z.array(photoName).min(1).max(5)]).optional(),
    /** when the patrol saw it, ISO date-time */
    observedAt: z.iso.datetime({ offset: true }).optional(),
  }),
});
export type ClueFeature = z.infer<typeof clueFeatureSchema>;

export const clueImportBody = z.strictObject({
  source: z.enum(IMPORT_SOURCES),
  /** the patrol or image batch, e.g. "2026-11 金山镇无人机巡查" */
  batchName: text(100),
  geojson: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(clueFeatureSchema).min(1).max(MAX_IMPORT_FEATURES),
  }),
});
export type ClueImportBody = z.infer<typeof clueImportBody>;

/** The point a feature is placed at: the point itself, or the mean of a polygon's outer ring. */
export function featurePoint(f: ClueFeature): { lat: number; lng: number } {
  if (f.geometry.type === 'Point') return { lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] };
  const ring = f.geometry.coordinates[0]!;
  // the closing point repeats the first; leave it out so it is not counted twice
  const pts = ring.slice(0, -1);
  const lng = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const lat = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  return { lat, lng };
}

/** Great-circle distance in metres (haversine, mean earth radius). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const clueMatchBody = z.strictObject({
  /** the enterprise the officer confirms; null: no registered site is responsible */
  enterpriseId: z.uuid().nullable(),
  version: z.number().int().min(1),
});
export type ClueMatchBody = z.infer<typeof clueMatchBody>;

export const clueOutcomeBody = z.strictObject({
  outcome: z.enum(CLUE_OUTCOMES),
  note: text(2000),
  version: z.number().int().min(1),
});
export type ClueOutcomeBody = z.infer<typeof clueOutcomeBody>;

export const videoPointBody = z.strictObject({
  name: text(100),
  lat: z.number().min(CLUE_AREA.minLat).max(CLUE_AREA.maxLat),
  lng: z.number().min(CLUE_AREA.minLng).max(CLUE_AREA.maxLng),
  snapshotUrl: photoLink,
  enterpriseId: z.uuid().nullable().optional(),
});
export type VideoPointBody = z.infer<typeof videoPointBody>;

export const videoClueBody = z.strictObject({
  description: text(1000),
  /** the snapshot showing the problem; the point's own snapshot link when absent */
  snapshotUrl: photoLink.optional(),
});
export type VideoClueBody = z.infer<typeof videoClueBody>;

/** What the clue schemas say when they refuse (module messages: see messages.ts). */
export const CLUE_MESSAGES = {
  'clue.photo': {
    zh: '照片须为 http(s) 链接或以 / 开头的站内路径',
    en: 'a photo must be an http(s) link or a path starting with /',
  },
  'clue.photoName': {
    zh: 'photo 须为随 GeoJSON 一同上传的照片文件名（不含路径）',
    en: 'photo must be the name of a photo file sent with the GeoJSON (no path)',
  },
  'clue.outsideCounty': {
    zh: '坐标不在上栗县范围内（GeoJSON 坐标顺序为 [经度, 纬度]）',
    en: 'the point is outside Shangli County (GeoJSON order is [longitude, latitude])',
  },
} as const satisfies MessageTable;

export const CLUE_CLOCK_PROFILES: readonly ClockProfileDefinition[] = Object.freeze([
  {
    key: 'clue.verification',
    length: 10,
    unit: 'working',
    warnBefore: 3,
    direction: 'after-start',
    label: { zh: '线索核查', en: 'clue verification' },
    source:
      '参照《环保举报热线工作管理办法》（环境保护部令第15号）办理时限与各地非现场监管线索“发现—核查—处置”闭环做法；国家未规定线索核查的天数，10 个工作日为本局默认值',
    sourceEn:
      'following the handling periods of the Measures for the Administration of the Environmental Protection Reporting Hotline (MEP Order No. 15) and the common closed-loop practice for off-site supervision clues (found, verified, dealt with); no national number of days is set for verifying a clue, 10 working days is this bureau’s default',
    note: '无人机、遥感、视频发现的问题线索须在期限内现场或非现场核查并记录结果',
    noteEn:
      'each clue found by drone, remote sensing or video is verified on or off site within the period and its outcome recorded',
  },
] satisfies ClockProfileDefinition[]);

export const CLUE_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: ['clue.import', 'clue.create', 'clue.match', 'clue.photo', 'clue.outcome', 'video-point.create'],
  records: {
    clue: { zh: '线索', en: 'Clue' },
    'clue-batch': { zh: '线索导入批次', en: 'Clue import batch' },
    'video-point': { zh: '视频点位', en: 'Video point' },
  },
  actionLabels: {
    'clue.import': { zh: '导入巡查线索', en: 'Clues imported' },
    'clue.create': { zh: '登记线索', en: 'Clue registered' },
    'clue.match': { zh: '确认线索对应企业', en: 'Clue’s enterprise confirmed' },
    'clue.photo': { zh: '核查时补充线索照片', en: 'Photo added to a clue on verification' },
    'clue.outcome': { zh: '登记线索核查结果', en: 'Clue verification recorded' },
    'video-point.create': { zh: '登记视频点位', en: 'Video point registered' },
  },
  fields: {
    batchId: { zh: '导入批次', en: 'batch' },
    batchName: { zh: '批次名称', en: 'batch name' },
    features: { zh: '线索条数', en: 'features' },
    source: { zh: '来源', en: 'source' },
    sourceRef: { zh: '来源记录', en: 'source record' },
    sourceIndex: { zh: '批次内序号', en: 'index in batch' },
    importedByName: { zh: '导入人', en: 'imported by' },
    clueIds: { zh: '线索编号', en: 'clue IDs' },
    description: { zh: '线索描述', en: 'description' },
    photos: { zh: '照片', en: 'photos' },
    observedAt: { zh: '发现时间', en: 'observed at' },
    suggestedEnterpriseId: { zh: '就近匹配企业', en: 'nearest enterprise' },
    suggestedDistanceM: { zh: '与企业距离（米）', en: 'distance (m)' },
    matchConfirmedAt: { zh: '确认时间', en: 'confirmed at' },
    matchConfirmedByName: { zh: '确认人', en: 'confirmed by' },
    outcome: { zh: '核查结果', en: 'outcome' },
    outcomeNote: { zh: '核查情况', en: 'verification note' },
    verifiedAt: { zh: '核查时间', en: 'verified at' },
    verifiedByName: { zh: '核查人', en: 'verified by' },
    closedOnTime: { zh: '按期核查', en: 'on time' },
    snapshotUrl: { zh: '快照链接', en: 'snapshot link' },
    fileId: { zh: '文件编号', en: 'file ID' },
    fileName: { zh: '文件名', en: 'file name' },
    size: { zh: '大小（字节）', en: 'size (bytes)' },
    lat: { zh: '纬度', en: 'latitude' },
    lng: { zh: '经度', en: 'longitude' },
  },
};
