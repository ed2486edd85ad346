/**
 * The strings of features that keep them in their own folder (`pages/<feature>/locales/zh-CN.ts`,
 * with `en.ts` beside it). Each such file adds its areas to this interface by declaration merging,
 * so `t('…')` stays type-checked without a central list; the indexes find the files by their place.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each feature's locale file
export interface FeatureMessages {}
