// Simplified Chinese: the default language. Strings shared by the whole web (the frame, menus,
// errors, the public home, the service pages) are area files here; a feature keeps its own in
// `pages/<feature>/locales/zh-CN.ts` (found below by its place, typed by locales/feature-messages.ts).
// `../en/` mirrors both with exactly the same keys (locales.test.ts). Terms follow
// shared/domain/glossary.md; an area owns its top-level keys.

import type { FeatureMessages } from '../feature-messages.ts';
import type { Leaves } from '../types.ts';
import common from './common.ts';
import errors from './errors.ts';
import home from './home.ts';
import services from './services.ts';
import web from './web.ts';

const shared = { ...common, ...errors, ...home, ...services, ...web };

const featureAreas = import.meta.glob<object>('../../pages/*/locales/zh-CN.ts', { import: 'default', eager: true });

const zhCN = Object.assign({}, shared, ...Object.values(featureAreas)) as typeof shared & FeatureMessages;

export default zhCN;

/** The shape every locale must have. */
export type Messages = Leaves<typeof zhCN>;
