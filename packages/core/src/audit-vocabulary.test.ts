import { describe, expect, it } from 'vitest';
import { auditLabeller, mergeAuditVocabularies } from './audit-vocabulary.ts';

describe('audit vocabulary: the record types a filter offers', () => {
  const labels = auditLabeller(
    mergeAuditVocabularies([
      {
        actions: ['petition.accept', 'reception.concern.answer', 'visit.attachment.add', 'visit.create'],
        records: {
          petition: { zh: '信访件', en: 'petition' },
          visit: { zh: '走访', en: 'visit' },
          'visit.attachment': { zh: '走访附件', en: 'visit attachment' },
          'reception.concern': { zh: '接待日诉求', en: 'reception concern' },
          credit: { zh: '信用', en: 'credit' },
        },
        entityAliases: {
          'reception-concern': 'reception.concern',
          'credit-record': 'credit',
          'credit-proposal': 'credit',
        },
      },
    ]),
  );

  it('lists each as stored (under its alias where it has one), each named in words', () => {
    expect(labels.entityTypes).toEqual(['credit-proposal', 'credit-record', 'petition', 'reception-concern', 'visit']);
    expect(labels.entityTypes.map((e) => labels.entity(e, 'zh'))).toEqual([
      '信用',
      '信用',
      '信访件',
      '接待日诉求',
      '走访',
    ]);
  });
});
