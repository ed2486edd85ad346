import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { daysText } from '../worklist/days.ts';
import { AnswerDescriptions, EventTimeline } from './AnswerParts.tsx';
import { disclosureKeys, getRequest } from './api.ts';
import { disclosureStatusLabel, STATUS_COLORS } from './labels.ts';

/** One of the enterprise's own requests: due date, history and the answer with its legal source. */
export default function OwnRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = useQuery({ queryKey: disclosureKeys.detail(id), queryFn: ({ signal }) => getRequest(id, signal) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <PageContainer
      title={d.code}
      extra={<ButtonLink to="/enterprise/disclosure">{t('disclosure.ownTitle')}</ButtonLink>}
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('disclosure.status')}>
            <Tag color={STATUS_COLORS[d.status]}>{disclosureStatusLabel(d.status, lang)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('disclosure.receivedAt')}>{formatDateTime(d.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.dueDate')}>{d.dueDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('disclosure.extensionDays')}>
            {d.extensionDays ? daysText(t, d.extensionDays, 'working') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('disclosure.description')} span="filled">
            {d.description}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {d.status === 'answered' ? (
        <Card title={t('disclosure.answerTitle')} style={{ marginBottom: 16 }}>
          <AnswerDescriptions d={d} />
        </Card>
      ) : null}
      <Card title={t('disclosure.history')}>
        <EventTimeline events={d.events} showActor={false} />
      </Card>
    </PageContainer>
  );
}
