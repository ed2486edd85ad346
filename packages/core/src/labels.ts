/** A bilingual label table (a code's `{ zh, en }`). */
export type LabelTable = Readonly<Record<string, { zh: string; en: string }>>;

/**
 * The English of a label known only by its Chinese (a view that sends `gradeLabel` without its
 * code, a clock title's words), or the Chinese as given when no label of the table has it.
 */
export function englishOfChineseLabel(labels: LabelTable, zh: string): string {
  return Object.values(labels).find((l) => l.zh === zh)?.en ?? zh;
}
