import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  rules: {
    title: 'Rules',
    name: 'Rule',
    key: 'Key',
    type: 'Type',
    types: {
      'clock-profile': 'Deadline',
      integer: 'Integer',
      number: 'Number',
      ratio: 'Ratio',
      list: 'List',
      text: 'Text',
    },
    current: 'In force',
    source: 'Legal source',
    sourceHint: 'Name the document and article, e.g. 《信访工作条例》 Art. 34',
    effectiveFrom: 'Effective from',
    note: 'Note',
    edit: 'Edit (adds a version)',
    length: 'Length',
    unit: 'Unit',
    warnBefore: 'Warn (days before)',
    value: 'Value',
    reason: 'Reason for the change',
    reasonRequired: 'Please give the reason',
    saveVersion: 'Save as a new version',
    history: 'Version history',
    version: 'Version',
    by: 'Changed by',
    // “warn 1 day before”, “warn 3 days before”
    profileValue_one: '{{days}} (warn {{count}} day before)',
    profileValue_other: '{{days}} (warn {{count}} days before)',
  },
};

export default en;
