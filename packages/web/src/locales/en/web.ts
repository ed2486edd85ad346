import type { Leaves } from '../types.ts';
import type zh from '../zh-CN/web.ts';

const en: Leaves<typeof zh> = {
  // issue 8 §5 (branch web): look-ups, menu groups, workbench, My area
  web: {
    audit: {
      pickAction: 'Pick an action',
    },
    my: {
      title: 'My area',
      hello: '{{name}}, here are your messages, bookings, petitions and disclosure requests.',
      messages: 'Messages',
      bookings: 'Bookings',
      petitions: 'Petitions',
      disclosure: 'Disclosure',
      windowBookings: 'Window bookings',
      receptionBookings: 'Reception-day bookings',
      receptionDay: 'reception day',
      people_one: '{{count}} person',
      people_other: '{{count}} people',
      manage: 'View / move',
      view: 'View',
      progress: 'Progress',
      code: 'Code',
      received: 'registered {{date}}',
      due: 'due {{date}}',
      book: 'Book an appointment',
      petition: 'Submit a petition',
    },
    workbench: {
      title: 'Workbench',
      hello: 'Hello, {{name}}. Here is your work for today.',
      today: 'Today: {{date}}',
      all: 'All',
      todo: 'To do',
      due: 'Due {{date}}',
      appointments: "Today's window bookings",
      more: '{{n}} bookings in all',
      reception: "Today's reception days",
      receptionLine: '{{location}} · {{bookings}} booked · {{people}} came',
      keyFigures: 'Key figures',
    },
    menuGroups: {
      service: 'Services',
      approval: 'Approvals',
      supervision: 'Supervision',
      statistics: 'Statistics',
      system: 'System',
    },
    menu: {
      workbench: 'Workbench',
      workbenchLink: 'Workbench',
    },
    figures: {
      fellBack: 'No records in {{empty}} yet: showing {{year}}, the latest year with records.',
    },
    lookup: {
      code: 'Tracking code',
      phone: 'Phone number',
      submit: 'Look up',
      notFound: 'No record matches this {{code}} and {{phone}}',
      notFoundHint:
        'Check the {{code}} (on your receipt or text message; not case-sensitive) and the {{phone}} you gave, then try again.',
      codeRequired: '{{label}}: required',
      codeFormat: '{{label}}: starts with {{prefix}}, then letters and digits',
      phoneRequired: '{{label}}: required',
      phoneInvalid: 'Enter a valid mobile or landline number',
      alreadyRated: 'You have already rated this service; thank you',
    },
  },
};

export default en;
