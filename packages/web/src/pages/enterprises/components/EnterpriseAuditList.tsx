import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AuditTable } from '../../../components/AuditTable.tsx';
import { ErrorState } from '../../../components/QueryState.tsx';
import { auditKeys, listAudit } from '../../admin/audit/api.ts';

/** 操作记录: the audit entries of one enterprise, newest first as the server sends them. */
export function EnterpriseAuditList({ enterpriseId }: { enterpriseId: string }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { entityType: 'enterprise', entityId: enterpriseId, ...page };
  const audit = useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });
  if (audit.isError && !audit.data) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  return (
    <AuditTable
      data={audit.data}
      loading={audit.isFetching}
      showEntity={false}
      onPageChange={(p, pageSize) => setPage({ page: p, pageSize })}
    />
  );
}
