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
    consoleTitle: 'Open workspace',
    consoleDesc: 'You are logged in as {{name}}.',
    go: 'Go',
    goTo: 'Go to {{target}}',
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
