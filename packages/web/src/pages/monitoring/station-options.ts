import type { TFunction } from 'i18next';

// The choices the register and edit forms offer: one list, so the two forms cannot drift apart.
export const EDITION_OPTIONS = [
  { value: '2017', label: 'HJ 212-2017' },
  { value: '2005', label: 'HJ/T 212-2005' },
];

export const outletKindOptions = (t: TFunction) => [
  { value: 'gas', label: t('monitoring.outletKinds.gas') },
  { value: 'water', label: t('monitoring.outletKinds.water') },
];
