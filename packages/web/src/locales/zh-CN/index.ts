// Simplified Chinese: the default language, one file per area of the web. `../en/` has the same
// files with exactly the same keys (checked by the type `Leaves` in each en file and by
// locales.test.ts). Terms follow shared/domain/glossary.md. A new feature adds its own area file
// here and in ../en/ and adds it to each index (import, spread); an area owns its top-level keys.

import type { Leaves } from '../types.ts';
import admin from './admin.ts';
import appointments from './appointments.ts';
import calendar from './calendar.ts';
import common from './common.ts';
import enterprises from './enterprises.ts';
import errors from './errors.ts';
import home from './home.ts';
import matters from './matters.ts';
import notifications from './notifications.ts';
import petitions from './petitions.ts';
import ratings from './ratings.ts';
import reports from './reports.ts';
import rules from './rules.ts';
import services from './services.ts';
import supervision from './supervision.ts';
import web from './web.ts';
import worklist from './worklist.ts';

const zhCN = {
  ...common,
  ...errors,
  ...home,
  ...enterprises,
  ...admin,
  ...worklist,
  ...calendar,
  ...rules,
  ...matters,
  ...notifications,
  ...appointments,
  ...petitions,
  ...reports,
  ...ratings,
  ...services,
  ...supervision,
  ...web,
};

export default zhCN;

/** The shape every locale must have. */
export type Messages = Leaves<typeof zhCN>;
