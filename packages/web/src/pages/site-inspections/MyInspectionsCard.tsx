import { FileSearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listMyInspections, siteInspectionKeys } from './api.ts';
import { FindingTags } from './MyInspectionListPage.tsx';

const LATEST = { page: 1, pageSize: 1, sort: '-inspectedOn' } as const;

/** On the firm's home: how many on-site records it has, the latest one, and the way to all of them. */
export function MyInspectionsCard() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: siteInspectionKeys.mine(LATEST),
    queryFn: ({ signal }) => listMyInspections(LATEST, signal),
  });
  const latest = q.data?.items[0];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <span>
          <FileSearchOutlined /> {t('siteInspections.mineCard')}
        </span>
      }
      extra={
        <Link to="/enterprise/inspections" data-testid="my-inspections-link">
          {t('siteInspections.toMine')}
        </Link>
      }
      loading={q.isPending}
    >
      {q.isError ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <Flex gap={12} wrap align="center">
          <Typography.Text>{t('siteInspections.mineCardCount', { n: q.data?.total ?? 0 })}</Typography.Text>
          {latest ? (
            <>
              <Link to={`/enterprise/inspections/${latest.id}`}>
                {t('siteInspections.mineCardLatest', { date: latest.inspectedOn })}
              </Link>
              <FindingTags r={latest} />
            </>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
