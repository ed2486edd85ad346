import { APPLICATION_AUDIT_VOCABULARY, APPLICATION_CLOCK_PROFILES } from '@qingshan/core/applications';
import { z } from 'zod';
import type { ModuleDefinition } from '../../platform/module.ts';
import { FROM_PRACTICE_NOTE, FROM_PRACTICE_NOTE_EN, type RuleDefault } from '../rules/defaults.ts';
import { APPLICATION_ERRORS } from './errors.ts';
import { APPLICATION_FIGURES } from './figures.ts';
import { applicationRoutes } from './routes.ts';
import { seedApplications } from './seed.ts';
import { OWNER_TYPE, SIZE_RULE, scanDeemedAcceptance, UPLOAD_HARD_LIMIT } from './service.ts';
import * as tables from './tables.ts';
import { applicationTimeline } from './timeline.ts';

const RULES: readonly RuleDefault[] = [
  {
    key: SIZE_RULE,
    type: 'integer',
    labelZh: '申请材料单个文件大小上限（字节）',
    labelEn: 'application materials: largest file (bytes)',
    note: FROM_PRACTICE_NOTE,
    noteEn: FROM_PRACTICE_NOTE_EN,
    value: 20 * 1024 * 1024,
    valueSchema: z.number().int().min(1024).max(UPLOAD_HARD_LIMIT),
    source: '本平台默认值（参照各地政务服务网上传限制 20 MB；非法规规定），本局可调整，不超过 50 MB',
    sourceEn:
      'the platform’s default (after the 20 MB upload limit of government service websites elsewhere; not set by law); this bureau may change it, up to 50 MB',
  },
];

/** Applications (申请) against a matter's checklist: pre-check, one-time notice, acceptance, decision. */
export const applicationsModule: ModuleDefinition = {
  name: 'applications',
  timeline: applicationTimeline,
  tables,
  routes: (app, ctx) => app.register(applicationRoutes, { db: ctx.db }),
  figures: APPLICATION_FIGURES,
  clockProfiles: APPLICATION_CLOCK_PROFILES,
  rules: RULES,
  // the handling clock pauses and resumes only through the application's own steps (补正, 专家评审)
  clockOwners: { [OWNER_TYPE]: { owned: true } },
  // 行政许可法 第三十二条: no notice in time → accepted, done by the system, not merely warned about
  jobs: () => [
    {
      kind: 'applications.deemed-acceptance',
      every: { scanMs: 3_600_000 },
      run: async ({ db }) => void (await scanDeemedAcceptance(db)),
    },
  ],
  audit: APPLICATION_AUDIT_VOCABULARY,
  errors: APPLICATION_ERRORS,
  seed: seedApplications,
};
