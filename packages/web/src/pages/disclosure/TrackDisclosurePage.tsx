import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LookupError } from '../../components/LookupError.tsx';
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
  const [params] = useSearchParams();
  const [creds, setCreds] = useState<{ code: string; phone: string } | null>(null);
  const track = useQuery({
    queryKey: disclosureKeys.track(creds?.code ?? '', creds?.phone ?? ''),
    queryFn: ({ signal }) => trackRequest(creds!.code, creds!.phone, signal),
    enabled: creds !== null,
    retry: false,
  });
  const d = track.data;
  return (
    <PageContainer title={t('disclosure.track')}>
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          initialValues={{ code: params.get('code') ?? '' }}
          onFinish={(v: { code: string; phone: string }) =>
            setCreds({ code: v.code.trim().toUpperCase(), phone: v.phone.trim() })
          }
        >
          <Form.Item name="code" label={t('disclosure.code')} rules={[{ required: true }]}>
            <Input maxLength={20} style={{ width: 180 }} data-testid="track-code" />
          </Form.Item>
          <Form.Item name="phone" label={t('disclosure.phone')} rules={[{ required: true }]}>
            <Input maxLength={20} style={{ width: 160 }} data-testid="track-phone" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="track-submit">
            {t('common.search')}
          </Button>
        </Form>
        {creds !== null && track.isError ? (
          <div style={{ marginTop: 16 }}>
            <LookupError error={track.error} />
          </div>
        ) : null}
      </Card>
      {creds === null || track.isError ? null : track.isPending ? (
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
