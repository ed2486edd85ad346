import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  ratings: {
    title: 'Ratings',
    summary: 'Rating figures',
    period: 'Period',
    rateThis: 'Rate this service',
    overall: 'Overall',
    levelRequired: 'Choose an overall rating',
    comment: 'Comment',
    commentRequired: 'Please say what went wrong, so it can be fixed',
    submit: 'Submit rating',
    thanks: 'Thank you for your rating',
    alreadyRated: 'You rated: {{level}}',
    rate: 'Rate',
    column: 'Rating',
    mine: 'My rating',
    given: 'Rated: {{level}}',
    openUntil: 'Can be rated until {{date}}',
    closedOn: 'Rating closed on {{date}}',
    notYet: 'Can be rated once finished',
    outcome: {
      toContact: 'Our staff will contact you by {{date}}',
      contacted: 'Contacted on {{date}}: {{note}}',
      rectifying: 'Being rectified, due by {{date}}',
      rectified: 'Rectified on {{date}}: {{note}}',
    },
    source: 'Indicators per {{source}}',
    badCount: 'Bad ratings',
    rectifiedOnTime: 'Rectified on time',
    onTimeShare: 'Rectified on time (share)',
    onTimeShareDefinition:
      'Rectified on time ÷ bad ratings that are rectified or past their due date. A bad rating not yet rectified whose due date is still to come is neither on time nor late, and is left out',
    pendingNote: 'Still within their due date, not yet in the share: {{n}} (the share is over {{due}})',
    badOnly: 'Bad ratings only',
    state: 'Rectification',
    eventType: 'Service',
    eventTypes: {
      appointment: 'Appointment',
      petition: 'Petition',
      'reception-concern': 'Reception concern',
      visit: 'Visit',
    },
    createdAt: 'Rated',
    event: 'Service',
    level: 'Level',
    contactDue: 'Contact due',
    rectifyDue: 'Rectify due',
    appeal: 'Appeal',
    appealStates: { none: 'none', pending: 'pending', upheld: 'upheld', rejected: 'rejected' },
    followUp: 'Follow up',
    upheld: 'Appeal upheld (exclude the rating)',
    actions: {
      contact: 'Contact record',
      rectify: 'Rectification',
      appeal: 'Appeal reason',
      'decide-appeal': "Reviewing body's conclusion",
    },
    reviewingBody: 'Appeal reviewing body',
    reviewingBodyHelp:
      'An appeal is reviewed by a body outside the bureau (e.g. the county government service office); the bureau records its conclusion',
    appealReferenceNo: 'Reference number (optional)',
  },
};

export default en;
