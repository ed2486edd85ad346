import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  calculator: {
    title: 'Deadline calculator',
    hint: 'Counts over the State Council’s yearly holiday notices, make-up working days included; a year with no notice yet is counted provisionally from the holiday law (no make-up working days) and the result is marked provisional.',
    provisional: 'Provisional: no State Council notice for that year yet, computed from the holiday law',
    from: 'Start date',
    fromRequired: 'Pick a start date',
    days: 'Days',
    compute: 'Compute',
    result: 'Due date',
    kind: {
      workday: 'Working day',
      weekend: 'Weekend',
      holiday: 'Public holiday',
      'makeup-workday': 'Make-up working day',
    },
  },
  calendarYears: {
    title: 'Holiday calendar',
    add: 'Add a year',
    kind: 'Kind',
    holiday: 'Holiday',
    makeup: 'Make-up workday',
    name: 'Name',
    dates: 'Dates',
    year: 'Year',
    source: 'Source (notice title, number, date)',
    origin: 'Origin',
    shipped: 'Shipped',
    formHint:
      'Copy the State Council notice. One holiday per line: "name | English name | first date … last date"; one make-up working day per line: "name | date".',
    sourcePlaceholder: 'State Council General Office notice on the 2027 holidays (国办发明电〔…〕… 号)',
    holidaysLabel: 'Holidays',
    makeupLabel: 'Make-up working days',
    reason: 'Reason',
    audited: 'Adding a year is recorded in the audit log.',
    provisional: 'Provisional (no notice)',
    // what a provisional year's source reads (core/calendar/provisional.ts keeps it in Chinese)
    provisionalSource:
      'Provisional: the State Council General Office’s holiday notice for the year is not entered yet; computed from the Regulations on National Holidays and Memorial Days (2024 revision), arts. 2 and 6, without make-up working days',
    provisionalHint:
      'No State Council notice entered yet: computed from the holiday law, arts. 2 and 6 (days made up, no make-up working days).',
    version: 'Version',
    replace: 'Replace',
    enterNotice: 'Enter the notice',
    replaceTitle: 'Replace the {{year}} holidays',
    replaceHint:
      'When the notice is published or amended: saved as a new version with reason and source; every open clock is recomputed in the same transaction.',
    replaced: 'Saved as version {{version}}; {{n}} clocks recomputed',
    versions: 'Versions',
    current: 'In force',
    reasonPlaceholder: 'e.g. the amending notice was published',
    errorLine: '{{box}}, line {{line}}',
    errorItem: '{{place}}: {{message}}',
    part: { name: 'name', nameEn: 'English name', dates: 'dates', date: 'date' },
  },
};

export default en;
