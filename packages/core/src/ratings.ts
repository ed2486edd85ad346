/**
 * 政务服务"好差评" (国办发〔2019〕51号; GB/T 39734-2020 《政务服务"一次一评""一事一评"工作规范》):
 * five levels, one rating per service event, indicators per the standard's offline (现场) evaluation
 * — 整体满意度 is the level itself; 服务效率, 服务水平 (办理结果), 服务态度 and 便利程度 are scored
 * 1–5 each. A bad rating (不满意, 非常不满意) opens a rectification with its own clocks
 * ('rating.rectify-contact', 'rating.rectify'); a malicious one may be excluded on appeal (申诉复核).
 */
import { z } from 'zod';

/** 5 = 非常满意 … 1 = 非常不满意 */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LEVEL_LABELS: Record<RatingLevel, { zh: string; en: string }> = {
  5: { zh: '非常满意', en: 'very satisfied' },
  4: { zh: '满意', en: 'satisfied' },
  3: { zh: '基本满意', en: 'fairly satisfied' },
  2: { zh: '不满意', en: 'dissatisfied' },
  1: { zh: '非常不满意', en: 'very dissatisfied' },
};

export const RATING_INDICATORS = ['efficiency', 'result', 'attitude', 'convenience'] as const;
export type RatingIndicator = (typeof RATING_INDICATORS)[number];
export const RATING_INDICATOR_LABELS: Record<RatingIndicator, { zh: string; en: string }> = {
  efficiency: { zh: '办事效率', en: 'efficiency' },
  result: { zh: '办理结果', en: 'result' },
  attitude: { zh: '服务态度', en: 'attitude' },
  convenience: { zh: '便利程度', en: 'convenience' },
};
export const RATING_SOURCE = 'GB/T 39734-2020《政务服务"一次一评""一事一评"工作规范》；国办发〔2019〕51号';
export const RATING_SOURCE_EN =
  'GB/T 39734-2020, Specification for "One Rating per Service" and "One Rating per Matter" in Government Services; 国办发〔2019〕51号';

/** 差评: the two lowest levels (国办发〔2019〕51号 "差评" = 不满意 / 非常不满意). */
export function isBadRating(level: number): boolean {
  return level <= 2;
}

export const RECTIFICATION_STATES = ['open', 'contacted', 'rectified', 'void'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const RECTIFICATION_STATE_LABELS: Record<RectificationState, { zh: string; en: string }> = {
  open: { zh: '待回访', en: 'to contact' },
  contacted: { zh: '已回访，整改中', en: 'contacted, rectifying' },
  rectified: { zh: '已整改', en: 'rectified' },
  void: { zh: '申诉成立，不计差评', en: 'appeal upheld, excluded' },
};

export const APPEAL_STATES = ['none', 'pending', 'upheld', 'rejected'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

/**
 * On time = rectified no later than the end of its due date (Asia/Shanghai). Ratings excluded
 * on appeal are neither counted as bad nor as rectified.
 */
export function rectifiedOnTime(rectifiedDate: string | null, dueDate: string): boolean {
  return rectifiedDate !== null && rectifiedDate <= dueDate;
}

/**
 * Where a bad rating's rectification stands on `today` (dates YYYY-MM-DD, Asia/Shanghai): rectified
 * by the end of its due date (on time), rectified after it or not rectified once it has passed
 * (late), or not rectified with its due date still to come (pending: neither on time nor late yet).
 */
export type RectificationVerdict = 'on-time' | 'late' | 'pending';
export function rectificationVerdict(
  rectifiedDate: string | null,
  dueDate: string,
  today: string,
): RectificationVerdict {
  if (rectifiedDate !== null) return rectifiedDate <= dueDate ? 'on-time' : 'late';
  return today > dueDate ? 'late' : 'pending';
}

/**
 * 差评按期整改率 = on time ÷ the bad ratings whose verdict is in (on time or late). A pending one is
 * on neither side: counting it would call a rectification late before its due date has come.
 */
export function rectificationIsDue(rectifiedDate: string | null, dueDate: string, today: string): boolean {
  return rectificationVerdict(rectifiedDate, dueDate, today) !== 'pending';
}

const score = z.number().int().min(1).max(5);

export const ratingInputSchema = z.strictObject({
  level: z.union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1)]),
  indicators: z.strictObject({ efficiency: score, result: score, attitude: score, convenience: score }),
  comment: z.string().trim().max(1000).optional(),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;

/** GB/T 39734 asks for the reason of a bad rating, so it can be classified and handled. */
export const ratingSchema = ratingInputSchema.refine((r) => !isBadRating(r.level) || (r.comment?.length ?? 0) >= 2, {
  path: ['comment'],
  error: 'common.required',
});
