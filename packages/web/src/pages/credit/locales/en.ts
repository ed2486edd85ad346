import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  credit: {
    menu: 'Watch list',
    watchTitle: 'Watch list',
    watchIntro:
      'The risk score adds up a firm’s confirmed alarms, 12369 reports and verified clues of the last 12 months, its credit grade and its positive-list status (weights are rules); {{n}} points or more puts it on the list. Open a firm to see the records behind each part.',
    allTowns: 'All towns',
    enterprise: 'Enterprise',
    town: 'Town',
    score: 'Risk score',
    alarms: 'Alarms',
    complaints: 'Reports',
    findings: 'Verified clues',
    inspectionFindings: 'Inspection findings',
    grade: 'Credit',
    ungraded: 'Not graded',
    positiveList: 'Positive list',
    listed: 'Listed',
    tab: 'Credit and risk',
    riskTitle: 'Risk score, part by part',
    drawWeight: 'Weight in random draws',
    onWatchList: 'On the watch list',
    notOnWatchList: 'Below the watch-list score',
    factor: 'Factor',
    count: 'Records',
    noSource: 'No data source on the platform yet',
    weight: 'Weight',
    points: 'Points',
    records: 'Records',
    source: 'Source of the weight',
    recordsTitle: 'Credit evaluations',
    pickGrade: 'Choose a grade',
    basis: 'Basis',
    basisRequired: 'State the basis',
    basisPlaceholder: 'Result and document number',
    ratedOn: 'Rated on',
    ratedOnRequired: 'Choose the date',
    validUntil: 'Valid until',
    record: 'Record',
    recorded: 'Credit evaluation recorded',
    recordedBy: 'Recorded by',
    noRecords: 'No credit evaluations yet',
  },
};

export default en;
