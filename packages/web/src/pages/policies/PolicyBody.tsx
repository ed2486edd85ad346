import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Collapse, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListLines } from '../../components/ListLine.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import type { PolicyDetail } from './api.ts';
import { concernsText, KIND_COLORS, kindLabel, topicLabel } from './labels.ts';
import { validityText } from './PublicPolicyListPage.tsx';

/** A policy as it is published: its particulars, text, attachments and FAQ (shared by the three faces). */
export function PolicyBody({ p, attachmentUrl }: { p: PolicyDetail; attachmentUrl: (attachmentId: string) => string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('policies.kind')}>
            <Tag color={KIND_COLORS[p.kind]}>{kindLabel(p.kind, lang)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('policies.issuer')}>
            {p.issuer}
            {p.documentNo ? `（${p.documentNo}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('policies.validity')}>
            {validityText(p, t('policies.openEnded'))}
          </Descriptions.Item>
          <Descriptions.Item label={t('policies.publishedAt')}>
            {p.publishedAt ? formatDateTime(p.publishedAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('policies.topics')}>
            <Space wrap size={4}>
              {p.topics.map((k) => (
                <Tag key={k}>{topicLabel(k, lang)}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('policies.concerns')}>
            {concernsText(p, lang, t('policies.wholeCounty'))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('policies.body')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph strong>{p.summary}</Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="policy-body">
          {p.body}
        </Typography.Paragraph>
      </Card>
      <Card title={t('policies.attachments')} style={{ marginBottom: 16 }}>
        {p.attachments.length === 0 ? (
          <Typography.Text type="secondary">{t('policies.noAttachments')}</Typography.Text>
        ) : (
          <ListLines
            items={p.attachments}
            rowKey="id"
            renderItem={(a) => (
              <Flex justify="space-between" align="center" gap={16}>
                <a href={attachmentUrl(a.id)} target="_blank" rel="noreferrer">
                  <PaperClipOutlined /> {a.fileName}
                </a>
                <Typography.Text type="secondary">{Math.ceil(a.size / 1024)} KB</Typography.Text>
              </Flex>
            )}
          />
        )}
      </Card>
      <Card title={t('policies.faq')} style={{ marginBottom: 16 }}>
        {p.faq.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('policies.noFaq')} />
        ) : (
          <Collapse
            items={p.faq.map((f) => ({
              key: f.id,
              label: f.question,
              children: (
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{f.answer}</Typography.Paragraph>
                  <Typography.Text type="secondary">{formatDateTime(f.answeredAt)}</Typography.Text>
                </>
              ),
            }))}
          />
        )}
      </Card>
    </>
  );
}
