/**
 * The words the audit log is read in. The platform's own are in audit-labels.ts and
 * audit-field-labels.ts; a module brings its own vocabulary (the actions it writes, its records,
 * steps and columns) in its core rule file and lists it in its server definition (`audit`), so a new
 * module edits no shared label file. The server merges them (refusing a key labelled two different
 * ways) and serves the result at `GET /api/audit/vocabulary`; the web's audit tables read that.
 */

export type Label = { zh: string; en: string };

export type AuditVocabulary = {
  /** every action the module writes, `<record>.<step>` (the audit page offers them as a filter) */
  actions: readonly string[];
  /** the record an action is about (the part before the last step) */
  records?: Readonly<Record<string, Label>>;
  /** steps (the last part) the platform does not already name */
  steps?: Readonly<Record<string, Label>>;
  /** whole actions whose wording is not simply "record · step" */
  actionLabels?: Readonly<Record<string, Label>>;
  /** entity types as stored, when they differ from the record key (`reception-concern` → `reception.concern`) */
  entityAliases?: Readonly<Record<string, string>>;
  /** names of the module's table columns and of keys inside its jsonb columns */
  fields?: Readonly<Record<string, Label>>;
};

export type MergedAuditVocabulary = {
  actions: string[];
  records: Record<string, Label>;
  steps: Record<string, Label>;
  actionLabels: Record<string, Label>;
  entityAliases: Record<string, string>;
  fields: Record<string, Label>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function mergeInto<V>(into: Record<string, V>, from: Readonly<Record<string, V>> | undefined, what: string) {
  for (const [key, value] of Object.entries(from ?? {})) {
    if (Object.hasOwn(into, key) && !same(into[key], value))
      throw new Error(`Audit ${what} "${key}" is labelled two different ways`);
    into[key] = value;
  }
}

/** One vocabulary from several; a record, step or action labelled two different ways is an error (at startup). */
export function mergeAuditVocabularies(list: readonly AuditVocabulary[]): MergedAuditVocabulary {
  const out: MergedAuditVocabulary = {
    actions: [],
    records: {},
    steps: {},
    actionLabels: {},
    entityAliases: {},
    fields: {},
  };
  const actions = new Set<string>();
  for (const v of list) {
    for (const a of v.actions) actions.add(a);
    mergeInto(out.records, v.records, 'record');
    mergeInto(out.steps, v.steps, 'step');
    mergeInto(out.actionLabels, v.actionLabels, 'action');
    mergeInto(out.entityAliases, v.entityAliases, 'entity alias');
    // a column name two modules use (documentNo, contactName) keeps the first plain name given:
    // columns are shown without their table, so one name per column is all the log can show
    for (const [key, label] of Object.entries(v.fields ?? {}))
      if (!Object.hasOwn(out.fields, key)) out.fields[key] = label;
  }
  out.actions = [...actions].sort();
  return out;
}

const OTHER: Label = { zh: '其他操作', en: 'other action' };

export type AuditLabeller = {
  actions: readonly string[];
  /**
   * the record types as stored in `entityType` (a record's alias where it has one), for a filter
   * offered in words: a clerk picks 信访件, not types `petition`
   */
  entityTypes: readonly string[];
  /** the plain label of an action: an exact entry wins, else "record · step"; never the raw code */
  action(action: string, lang?: 'zh' | 'en'): string;
  /** the plain name of an audited record type */
  entity(entityType: string, lang?: 'zh' | 'en'): string;
  /** a dotted before/after path in words: `milestones.0.dueDate` → 节点 · 第1项 · 期限 */
  field(path: string, lang?: 'zh' | 'en'): string;
  /** whether an action has a label of its own (not the 其他操作 fallback): for tests */
  isLabelled(action: string): boolean;
};

export function auditLabeller(v: MergedAuditVocabulary): AuditLabeller {
  const recordOf = (key: string): Label | undefined => v.records[key] ?? v.records[key.split('.')[0] ?? ''];
  const split = (action: string) => {
    const cut = action.lastIndexOf('.');
    return cut > 0 ? [action.slice(0, cut), action.slice(cut + 1)] : [action, ''];
  };
  const segment = (s: string, lang: 'zh' | 'en') => {
    if (/^\d+$/.test(s)) return lang === 'zh' ? `第${Number(s) + 1}项` : `#${Number(s) + 1}`;
    return Object.hasOwn(v.fields, s) ? v.fields[s]![lang] : s;
  };
  // a record named by an alias is stored under the alias; a dotted key without one is a part of
  // its record (visit.attachment is written on the visit), never an entityType of its own
  const aliased = new Set(Object.values(v.entityAliases));
  const entityTypes = [
    ...new Set([
      ...Object.keys(v.entityAliases),
      ...Object.keys(v.records).filter((k) => !aliased.has(k) && !k.includes('.')),
    ]),
  ].sort();
  return {
    actions: v.actions,
    entityTypes,
    action(action, lang = 'zh') {
      const exact = v.actionLabels[action];
      if (exact) return exact[lang];
      const [recordKey, stepKey] = split(action) as [string, string];
      const record = recordOf(recordKey) ?? { zh: '记录', en: 'Record' };
      const step = v.steps[stepKey] ?? OTHER;
      return lang === 'zh' ? `${record.zh} · ${step.zh}` : `${record.en} ${step.en}`;
    },
    entity(entityType, lang = 'zh') {
      const key = v.entityAliases[entityType] ?? entityType;
      return (v.records[key] ?? { zh: '其他记录', en: 'Other record' })[lang];
    },
    field(path, lang = 'zh') {
      if (path === '') return '';
      return path
        .split('.')
        .map((s) => segment(s, lang))
        .join(' · ');
    },
    isLabelled(action) {
      if (v.actionLabels[action]) return true;
      const [recordKey, stepKey] = split(action) as [string, string];
      return stepKey !== '' && !!recordOf(recordKey) && !!v.steps[stepKey];
    },
  };
}
