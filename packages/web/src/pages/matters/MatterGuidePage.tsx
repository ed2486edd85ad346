import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDate } from '../../utils/datetime.ts';
import { inLanguage } from '../alarms/labels.ts';
import { daysText } from '../worklist/days.ts';
import { downloadNotice, getMatter, type MatterMaterial, matterKeys } from './api.ts';
import { authorityColor, authorityLabel, channelsLabel, formLabel, matterLabel } from './labels.ts';

const SOURCE_KEYS = ['decidingAuthority', 'conditions', 'materials', 'timeLimits', 'fees', 'channels'] as const;

/** One service guide: what to bring, how long it takes, on what legal basis, and the printable notice. */
export default function MatterGuidePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const q = useQuery({ queryKey: matterKeys.detail(code), queryFn: ({ signal }) => getMatter(code, signal) });
  const notice = useMutation({ mutationFn: () => downloadNotice(code), onError: showError });
  const back = <Link to="/matters">{t('matters.back')}</Link>;
  if (q.isError) return <PageContainer title={t('matters.title')}>{<ErrorState error={q.error} />}</PageContainer>;
  const m = q.data;
  if (!m) return <PageContainer title={t('matters.title')}>{null}</PageContainer>;
  return (
    <PageContainer
      title={matterLabel(m.code, m.name, lang)}
      extra={
        <Flex gap={8} align="center">
          {back}
          <Button type="primary" loading={notice.isPending} onClick={() => notice.mutate()} data-testid="matter-notice">
            {t('matters.downloadNotice')}
          </Button>
        </Flex>
      }
    >
      {m.decidingAuthority === 'bureau' ? null : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('matters.tracked')} />
      )}
      <Descriptions
        bordered
        column={1}
        size="small"
        style={{ marginBottom: 16 }}
        styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      >
        <Descriptions.Item label={t('matters.authority')}>
          <Tag color={authorityColor(m.decidingAuthority)}>{authorityLabel(m.decidingAuthority, lang)}</Tag>
          {m.externalSystem ? <span>{m.externalSystem}</span> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('matters.legalBasis')}>{m.legalBasis}</Descriptions.Item>
        <Descriptions.Item label={t('matters.conditions')}>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {m.conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
        </Descriptions.Item>
        <Descriptions.Item label={t('matters.limits')}>
          {m.limits.map((l) => (
            <div key={l.key}>
              {t('matters.limitLine', {
                kind: t(`matters.limitKinds.${l.kind}`),
                value: daysText(t, l.length, l.unit),
              })}
              <Typography.Text type="secondary">
                {t('matters.limitSource', { source: inLanguage(l.source, l.sourceEn, lang) })}
              </Typography.Text>
            </div>
          ))}
          <div>{m.timeLimits.description}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('matters.fees')}>{m.fees}</Descriptions.Item>
        <Descriptions.Item label={t('matters.channels')}>{channelsLabel(m.channels, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('matters.where')}>{m.whereToApply}</Descriptions.Item>
      </Descriptions>
      <Card title={t('matters.materials')} size="small" style={{ marginBottom: 16 }}>
        <Table<MatterMaterial>
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={m.materials}
          data-testid="matter-materials"
          columns={[
            { title: '#', render: (_v, _r, i) => i + 1, width: 48 },
            { title: t('matters.material'), dataIndex: 'name' },
            {
              title: t('matters.required'),
              dataIndex: 'required',
              render: (r: boolean) => (r ? t('matters.requiredYes') : t('matters.requiredNo')),
            },
            { title: t('matters.form'), dataIndex: 'form', render: (f: MatterMaterial['form']) => formLabel(f, lang) },
            { title: t('matters.count'), dataIndex: 'count' },
            {
              title: t('matters.deferrable'),
              dataIndex: 'deferrable',
              render: (d: boolean) =>
                d ? <Tag color="orange">{t('matters.deferrableYes')}</Tag> : t('matters.deferrableNo'),
            },
            {
              title: t('matters.note'),
              render: (_v, x) =>
                [
                  x.template ? t('common.labelled', { label: t('matters.template'), value: x.template }) : '',
                  x.note ?? '',
                ]
                  .filter(Boolean)
                  .join(t('common.clauseSeparator')),
            },
          ]}
        />
      </Card>
      {m.faq.length ? (
        <Card title={t('matters.faq')} size="small" style={{ marginBottom: 16 }}>
          {m.faq.map((f) => (
            <div key={f.question} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{f.question}</Typography.Text>
              <div>{f.answer}</div>
            </div>
          ))}
        </Card>
      ) : null}
      <Card title={t('matters.sources')} size="small">
        <Descriptions column={1} size="small">
          {SOURCE_KEYS.map((k) => (
            <Descriptions.Item key={k} label={t(`matters.sourceOf.${k}`)}>
              {m.sources[k]}
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Typography.Text type="secondary">
          {t('matters.version', { version: m.version, date: formatDate(m.updatedAt) })}
        </Typography.Text>
      </Card>
    </PageContainer>
  );
}
