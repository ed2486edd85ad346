import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LookupByCodeForm, useCodeLookup } from '../../components/LookupByCodeForm.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { reportKeys, trackReport } from './api.ts';
import { REPORT_STATUS_COLORS, reportStatusLabel } from './labels.ts';

/** A named reporter follows the report by its code and the phone given (anonymous ones cannot). */
export default function TrackReportPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const track = useCodeLookup(reportKeys.track, trackReport);
  const r = track.found?.report;
  return (
    <PageContainer title={t('reports.trackTitle')}>
      <LookupByCodeForm
        lookup={track}
        codeLabel={t('reports.code')}
        codePrefix="JB"
        phoneLabel={t('reports.reporterPhone')}
      />
      {track.loading ? (
        <PageLoading />
      ) : r ? (
        <Card>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('reports.code')}>{r.code}</Descriptions.Item>
            <Descriptions.Item label={t('reports.title')}>{r.title}</Descriptions.Item>
            <Descriptions.Item label={t('reports.status')}>
              <Tag color={REPORT_STATUS_COLORS[r.status]} data-testid="track-status">
                {reportStatusLabel(r.status, lang)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.receivedAt')}>{formatDateTime(r.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('reports.acceptanceDue')}>{r.acceptanceDueDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('reports.handlingDue')}>{r.handlingDueDate ?? '—'}</Descriptions.Item>
            {r.decisionNote ? (
              <Descriptions.Item label={t('reports.decision')}>{r.decisionNote}</Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}
    </PageContainer>
  );
}
