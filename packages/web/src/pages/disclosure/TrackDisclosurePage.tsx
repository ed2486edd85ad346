import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LookupByCodeForm, useCodeLookup } from '../../components/LookupByCodeForm.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { daysText } from '../worklist/days.ts';
import { AnswerDescriptions, EventTimeline } from './AnswerParts.tsx';
import { disclosureKeys, trackRequest } from './api.ts';
import { applicantTypeLabel, disclosureStatusLabel, STATUS_COLORS } from './labels.ts';

/** 申请进度查询: the tracking code and the phone show the stage, the due date and the answer. */
export default function TrackDisclosurePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const track = useCodeLookup(disclosureKeys.track, trackRequest);
  const d = track.found;
  return (
    <PageContainer title={t('disclosure.track')}>
      <LookupByCodeForm
        lookup={track}
        codeLabel={t('disclosure.code')}
        codePrefix="GK"
        phoneLabel={t('disclosure.phone')}
      />
      {track.loading ? (
        <PageLoading />
      ) : d ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('disclosure.code')}>{d.code}</Descriptions.Item>
              <Descriptions.Item label={t('disclosure.status')}>
                <Tag color={STATUS_COLORS[d.status]} data-testid="track-status">
                  {disclosureStatusLabel(d.status, lang)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('disclosure.applicant')}>
                {t('common.parenthetical', { text: d.applicantName, note: applicantTypeLabel(d.applicantType, lang) })}
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
        </>
      ) : null}
    </PageContainer>
  );
}
