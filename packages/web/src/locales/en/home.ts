import type { Leaves } from '../types.ts';
import type zh from '../zh-CN/home.ts';

const en: Leaves<typeof zh> = {
  home: {
    title: 'Shangli Ecology and Environment Bureau, Pingxiang',
    subtitle: 'Streamline, regulate, serve · service and supervision platform for enterprises and the public',
    introTitle: 'About the platform',
    intro1:
      'Qingshan supports the "streamline administration, combine delegation with regulation, improve services" reform in Shangli County: matters are handled online and in one visit wherever possible, and supervision is recorded and transparent.',
    intro2:
      'Every enterprise has one file holding its basic information, contacts and audit log; every change made by staff leaves an audit entry.',
    staffLoginTitle: 'Staff log in',
    staffLoginDesc: 'Bureau staff log in to the workspace to manage enterprise files, users and the audit log.',
    enterpriseLoginTitle: 'Enterprise log in',
    enterpriseLoginDesc:
      'Enterprise users log in to see their own file and visits, and to book the window and the enterprise reception day.',
    bookTitle: 'Book an appointment',
    bookDesc:
      'Pick a window and a time slot; evening and weekend (extended-hours) slots are by appointment only. Citizens need no account: a name and a phone number will do.',
    lookupTitle: 'My appointment',
    lookupDesc:
      'Look up, move or cancel a booking with its code and your phone number, and rate the service afterwards.',
    reportTitle: 'Report pollution',
    reportDesc:
      'Report pollution near you, anonymously if you wish; accepted, investigated and answered under the hotline measures. Or call 12369.',
    petitionTitle: 'Submit a petition',
    petitionDesc:
      'Make a suggestion, an accusation or a claim; it is accepted and answered within the time limits of the Petition Regulations.',
    trackTitle: 'Track a petition',
    trackDesc:
      'Follow its progress and read the reply with your tracking code and phone number, and rate the handling.',
    receptionTitle: 'Public reception day',
    receptionDesc:
      'Each month a bureau leader receives the public: book a place online and raise your concern, or read the published answers.',
    eiaWizardTitle: 'Which EIA document?',
    eiaWizardDesc:
      'Answer a few questions to learn whether your project needs an EIA report book, report form, registration form or no EIA under the 2021 catalogue, with the row it rests on.',
    mattersTitle: 'Service guides',
    mattersDesc:
      'Legal basis, materials checklist, time limits and channels of each matter; print the one-time notice and bring everything in one visit.',
    eiaNoticesTitle: 'EIA notices',
    eiaNoticesDesc:
      'Notices of EIA acceptance, proposed approval and approval; object online during the publicity period, and the bureau answers before it decides.',
    positiveListTitle: 'Supervision positive list',
    positiveListDesc: 'Firms on the positive list, their category and validity; they are checked mainly off-site.',
    inspectionResultsTitle: 'Random inspection results',
    inspectionResultsDesc: 'Firms and inspectors drawn at random; the results are published.',
    policiesTitle: 'Policy publicity',
    policiesDesc: 'Support measures, notices and explanations from the bureau, by kind and topic, with an Atom feed.',
    disclosureTitle: 'Government information disclosure',
    disclosureDesc:
      'Published EIA, permit, inspection and positive-list records; file a request online, answered within 20 working days.',
    consoleTitle: 'Open workspace',
    consoleDesc: 'You are logged in as {{name}}.',
    go: 'Go',
  },
  login: {
    title: 'Log in',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
  },
  account: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm new password',
    currentRequired: 'Enter your current password',
    newRequired: 'Enter a new password',
    mismatch: 'The two new passwords differ',
    sameAsCurrent: 'The new password must differ from the current one',
    policy:
      'At least 8 characters, using at least 3 of: upper-case, lower-case, digits, symbols; not a common password, not containing the username, not one of your last 5',
    mustChange: 'An administrator set or reset your password: change it to one only you know before going on.',
    changed: 'Password changed',
  },
};

export default en;
