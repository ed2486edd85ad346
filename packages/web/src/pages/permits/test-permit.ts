// The permit the page tests show: the demo's key-management permit of a fireworks maker, 45 days
// from expiry with its renewal's apply-by date already past (the case the pages must say plainly).
import type { Permit } from './api.ts';

export const TEST_PERMIT: Permit = {
  id: 'p1',
  enterpriseId: 'e1',
  enterpriseName: '上栗县金花烟花制造有限公司',
  townCode: '360322101',
  permitClass: 'key',
  pwItem: '51',
  citation: '第51项',
  status: 'valid',
  permitNumber: '91360322MABCBCN4JN001P',
  platformRef: null,
  issuedBy: '萍乡市生态环境局',
  issuedOn: '2022-01-20',
  validFrom: '2022-01-23',
  validTo: '2027-01-22',
  renewalApplyBy: '2026-11-23',
  daysToExpiry: 45,
  officerUserId: 'u2',
  officerName: '窗口·刘敏',
  note: null,
  version: 1,
};
