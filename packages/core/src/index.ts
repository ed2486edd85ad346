// Public API of @qingshan/core: pure domain rules and schemas, no I/O (safe for server and browser).

export * from './appointments.ts';
export * from './bureau.ts';
export * from './calendar.ts';
export * from './deadline.ts';
export * from './enterprise.ts';
export * from './figures.ts';
export * from './industries.ts';
export * from './mask.ts';
export * from './matters.ts';
export * from './messages.ts';
export * from './password.ts';
export * from './petitions.ts';
export * from './problem.ts';
export * from './ratings.ts';
export * from './reception.ts';
export * from './reports.ts';
export * from './roles.ts';
export * from './text.ts';
export * from './towns.ts';
export * from './uscc.ts';
export * from './visits.ts';
