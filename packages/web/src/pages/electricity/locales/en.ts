import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  electricity: {
    menuMeters: 'Sub-metering',
    menuOrders: 'Restriction orders',
    metersTitle: 'Electricity sub-metering',
    ordersTitle: 'Restriction orders',
    enterprise: 'Enterprise',
    code: 'Meter code',
    name: 'Name',
    role: 'Type',
    ratedKw: 'Rated power (kW)',
    serves: 'Serves line',
    lastSeen: 'Last reading',
    lastKw: 'Power now (kW)',
    topic: 'MQTT topic',
    thresholds: 'Thresholds',
    thresholdText: 'on ≥ {{on}}% rated; R1 {{t1}} min; R2 {{t2}} min; R3 below {{p}}%; R5 offline {{t3}} min',
    register: 'Register meter',
    chart: 'Production line vs control facility power',
    chartLine: 'Production line',
    chartEmpty: 'No power readings in this period',
    period: 'Period',
    last24h: 'Last 24 hours',
    last2d: 'Last 2 days',
    power: 'Power (kW)',
    kind: 'Kind',
    maxLoad: 'Allowed load',
    period2: 'Period',
    documentNo: 'Document no.',
    reason: 'Reason',
    issue: 'Issue restriction order',
    startsAt: 'Starts',
    endsAt: 'Ends',
    noOrders: 'No restriction orders',
    noMeters: 'No meters',
  },
};

export default en;
