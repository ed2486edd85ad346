import { CLUE_AUDIT_VOCABULARY, CLUE_CLOCK_PROFILES, CLUE_MESSAGES } from '@qingshan/core/clues';
import type { ModuleDefinition } from '../../platform/module.ts';
import { CLUE_ERRORS } from './errors.ts';
import { CLUE_FIGURES } from './figures.ts';
import { clueRoutes } from './routes.ts';
import { CLUE_RULES } from './rules.ts';
import { seedClues } from './seed.ts';
import * as tables from './tables.ts';
import { clueTimeline } from './timeline.ts';

/** 线索: drone, remote-sensing, video, 12369 and reception leads on the county map, verified on a clock. */
export const cluesModule: ModuleDefinition = {
  name: 'clues',
  tables,
  errors: CLUE_ERRORS,
  audit: CLUE_AUDIT_VOCABULARY,
  messages: CLUE_MESSAGES,
  routes: (app, ctx) =>
    app.register(clueRoutes, {
      db: ctx.db,
      tileUrl: ctx.config.mapTileUrl,
      tileAttribution: ctx.config.mapTileAttribution,
    }),
  clockProfiles: CLUE_CLOCK_PROFILES,
  // the verification clock changes only through the clue's own steps (its outcome)
  clockOwners: { clue: { owned: true } },
  rules: CLUE_RULES,
  figures: CLUE_FIGURES,
  timeline: clueTimeline,
  seed: seedClues,
};
