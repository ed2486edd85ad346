// English: the same areas and keys as ../zh-CN/ (see there).
import type { Messages } from '../zh-CN/index.ts';
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

const en: Messages = {
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

export default en;
