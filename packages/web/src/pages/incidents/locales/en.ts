import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  incidents: {
    menu: 'Environmental incidents',
    title: 'Environmental incidents',
    intro:
      'Environmental incidents of the county’s firms, graded by the national contingency plan. An incident in the last two years keeps a firm off the positive list; registering one for a listed firm proposes its removal, which an officer decides.',
    search: 'Incident or enterprise name',
    allLevels: 'All levels',
    allStatuses: 'All states',
    new: 'Register incident',
    newTitle: 'Register an environmental incident',
    editTitle: 'Edit an environmental incident',
    enterprise: 'Enterprise',
    occurredAt: 'Occurred at',
    level: 'Level',
    levelHelp: 'Graded by the National Contingency Plan for Environmental Incidents (2014), annex 1',
    titleField: 'Incident',
    titlePlaceholder: 'e.g. leak at the wastewater equalisation tank',
    description: 'What happened',
    response: 'Response',
    reportSource: 'Reported by',
    status: 'State',
    outcome: 'Outcome',
    closedAt: 'Closed at',
    closedBy: 'Closed by',
    registeredBy: 'Registered by',
    required: 'Required',
    pickEnterprise: 'Choose the enterprise',
    pickTime: 'Choose when it happened',
    pickLevel: 'Choose the level',
    pickSource: 'Choose who reported it',
    save: 'Save',
    saved: 'Saved',
    created: 'Incident registered',
    proposalRaised:
      'The firm is on the supervision positive list: its removal has been proposed for an officer to decide under “Removal proposals”.',
    openProposals: 'Open removal proposals',
    detailTitle: 'Environmental incident',
    edit: 'Edit',
    closeTitle: 'Close the response',
    closeHelp: 'Record the outcome once the response has ended; the record is then kept as it is.',
    outcomePlaceholder: 'e.g. response ended, the firm has remedied the cause',
    close: 'Close',
    closed: 'Response recorded as ended',
    empty: 'No environmental incidents',
    tab: 'Incidents',
    tabIntro:
      'The firm’s environmental incidents (one in the last two years keeps it off the positive list and counts in its risk score).',
  },
};

export default en;
