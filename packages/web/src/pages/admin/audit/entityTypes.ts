import type { AuditLabeller } from '@qingshan/core/audit-vocabulary';

/**
 * The record types to filter by, each in words: the stored types the log's vocabulary names,
 * those read as the same word joined by commas into one value (the API takes such a list).
 */
export function entityTypeOptions(labels: AuditLabeller, lang: 'zh' | 'en'): { value: string; label: string }[] {
  const byLabel = new Map<string, string[]>();
  for (const type of labels.entityTypes) {
    const label = labels.entity(type, lang);
    byLabel.set(label, [...(byLabel.get(label) ?? []), type]);
  }
  return [...byLabel]
    .map(([label, types]) => ({ value: types.join(','), label }))
    .sort((x, y) => x.label.localeCompare(y.label, 'zh-CN'));
}
