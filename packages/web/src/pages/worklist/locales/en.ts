import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  clocks: {
    ownedHint: "Handle it in its record (an extension needs the head's approval)",
    title: 'Matter',
    start: 'Start',
    dueDate: 'Due',
    remaining: 'Remaining',
    stateLabel: 'State',
    none: 'No deadlines',
    state: {
      running: 'Running',
      paused: 'Paused',
      'due-soon': 'Due soon',
      overdue: 'Overdue',
      met: 'Met',
      missed: 'Missed',
      lapsed: 'Lapsed unused',
    },
    unit: { working: 'working days', calendar: 'calendar days' },
    left: '{{n}} {{unit}} left',
    late: '{{n}} {{unit}} overdue',
    pause: 'Pause',
    resume: 'Resume',
    extend: 'Extend',
    pauseTitle: 'Pause the clock (the paused time does not count)',
    extendTitle: 'Extend the deadline',
    pauseReason: 'Reason',
    reasonRequired: 'Please give a reason',
    reason: {
      supplement: 'Waiting for materials',
      'expert-review': 'Expert review',
      hearing: 'Hearing',
      other: 'Other',
    },
    note: 'Note',
    extendDays: 'Days to add ({{unit}})',
    extendReason: 'Reason (who approved it and why)',
    pausedLine: 'Paused: {{reason}}, {{from}} to {{to}}',
    now: 'now',
    extendedLine: 'Extended by {{days}} days, approved by {{by}}: {{reason}}',
    profileHint: '{{length}} {{unit}}, rule version v{{version}}',
    provisional: 'Provisional',
    provisionalBureau:
      'The due date falls in a year whose State Council holiday notice is not entered yet; computed from the holiday law, showing the earliest plausible date. It is recomputed when the notice is entered.',
    provisionalParty:
      'The due date falls in a year whose State Council holiday notice is not entered yet; computed from the holiday law, showing the latest plausible date. It is recomputed when the notice is entered.',
  },
  worklist: {
    title: 'My worklist',
    total: 'Open items',
    overdue: 'Overdue',
    dueSoon: 'Due soon',
    paused: 'Paused',
    search: 'Matter',
    sort: 'Sort',
    sortDue: 'Due date, earliest first',
    sortDueDesc: 'Due date, latest first',
    sortStart: 'Start',
    empty: 'Nothing to do',
  },
  inbox: {
    title: 'Inbox',
    readAll: 'Mark all read',
    all: 'All',
    unread: 'Unread',
    empty: 'No messages',
    markRead: 'Mark read',
  },
};

export default en;
