// The audit log's words: the platform's and every module's, as the server merges them
// (`GET /api/audit/vocabulary`). Until they arrive (or if they cannot), the platform's own words
// from core are used, so a row never shows a raw code and the table never waits on this.
import { PLATFORM_AUDIT_VOCABULARY } from '@qingshan/core/audit-labels';
import { type AuditLabeller, auditLabeller, mergeAuditVocabularies } from '@qingshan/core/audit-vocabulary';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { http } from '../api/http.ts';
import type { ResponseOf } from '../api/types.ts';

type Vocabulary = ResponseOf<'/api/audit/vocabulary', 'get'>;

const platformLabels = auditLabeller(mergeAuditVocabularies([PLATFORM_AUDIT_VOCABULARY]));

export function useAuditLabels(): AuditLabeller {
  const vocabulary = useQuery({
    queryKey: ['audit', 'vocabulary'],
    queryFn: ({ signal }) => http.get<Vocabulary>('/api/audit/vocabulary', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  return useMemo(() => (vocabulary.data ? auditLabeller(vocabulary.data) : platformLabels), [vocabulary.data]);
}
