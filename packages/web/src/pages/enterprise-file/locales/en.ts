import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  enterpriseFile: {
    tab: 'Timeline',
    allKinds: 'All kinds',
    export: 'Export to Word (for site visits)',
    empty: 'No records in this range',
    truncated: 'Many records: each kind shows its latest 500; narrow the dates',
  },
};

export default en;
