// Menu counts (待办, 未读): one small query shared by both badges, refreshed every minute.
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { getWorklistCounts, machineryKeys } from './api.ts';

function useCounts() {
  return useQuery({
    queryKey: machineryKeys.counts,
    queryFn: ({ signal }) => getWorklistCounts(signal),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function WorklistBadge() {
  const { data } = useCounts();
  if (!data) return null;
  // overdue in red, otherwise due-soon in orange; nothing urgent: the plain count in grey. Shades
  // dark enough for the white count on them to read at 4.5:1 (antd's bright ones were 2.3–4:1).
  const urgent = data.overdue || data.dueSoon;
  return (
    <Badge
      size="small"
      count={urgent || data.total}
      color={data.overdue ? '#cf1322' : data.dueSoon ? '#ad4e00' : '#595959'}
      data-testid="menu-worklist-count"
      style={{ marginInlineStart: 8 }}
    />
  );
}

export function InboxBadge() {
  const { data } = useCounts();
  if (!data?.unread) return null;
  return <Badge size="small" count={data.unread} data-testid="menu-inbox-count" style={{ marginInlineStart: 8 }} />;
}
