import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  reports: {
    homeTitle: 'Report pollution',
    homeDesc:
      'Report pollution near you, anonymously if you wish; accepted, investigated and answered under the hotline measures. Or call 12369.',
    trackTitle: 'Track a report',
    deskTitle: 'Environmental reports (12369)',
    register: 'Register a report',
    searchPlaceholder: 'Code, title or place',
    code: 'Tracking code',
    title: 'Title',
    content: 'What is reported',
    location: 'Where the pollution is',
    channel: 'Channel',
    status: 'Status',
    receivedAt: 'Received',
    dueDate: 'Current due date',
    acceptanceDue: 'Tell whether accepted by',
    handlingDue: 'Close by',
    reporter: 'Reporter',
    reporterName: 'Name',
    reporterPhone: 'Phone',
    anonymous: 'Anonymous',
    anonymousHelp:
      'An anonymous report is investigated all the same, but without a phone we cannot tell you the result and you cannot track it',
    decision: 'Outcome',
    transferTo: 'Passed to (and why)',
    confirmAction: 'Take this step?',
    submitTitle: 'Report pollution online',
    submitted: 'Report received',
    submit: 'Submit the report',
    intro:
      "Under the Measures on the Environmental Reporting Hotline (MEP Order No. 15) the bureau tells you on the spot or within 15 days whether it accepts the report, and closes and answers it within 60 days of acceptance (up to 30 more with the head's approval). You can also call 12369.",
    actions: {
      accept: 'Accept',
      'not-accept': 'Do not accept',
      transfer: 'Pass to the competent body',
      'request-extension': 'Request an extension',
      'approve-extension': 'Approve the extension (head)',
      'reject-extension': 'Refuse the extension (head)',
      reply: 'Close and answer',
    },
  },
};

export default en;
