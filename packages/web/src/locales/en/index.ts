// English: the same areas and keys as ../zh-CN/ (see there); a feature's own strings are in
// `pages/<feature>/locales/en.ts`, each typed against its zh-CN.ts sibling.
import type { Messages } from '../zh-CN/index.ts';
import common from './common.ts';
import errors from './errors.ts';
import home from './home.ts';
import services from './services.ts';
import web from './web.ts';

const featureAreas = import.meta.glob<object>('../../pages/*/locales/en.ts', { import: 'default', eager: true });

// each area file is checked against its zh-CN twin; locales.test.ts checks the assembled whole
const en = Object.assign({}, common, errors, home, services, web, ...Object.values(featureAreas)) as Messages;

export default en;
