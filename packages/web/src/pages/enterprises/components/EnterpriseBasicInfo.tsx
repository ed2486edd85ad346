import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../api/errors.ts';
import type { Contact, Enterprise } from '../../../api/types.ts';
import { EmptyState } from '../../../components/QueryState.tsx';
import {
  CREDIT_COLORS,
  creditLabel,
  industryName,
  STATUS_COLORS,
  statusLabel,
  tagLabel,
  townName,
} from '../../../domain.ts';
import { useLanguage } from '../../../i18n.ts';
import { formatDateTime } from '../../../utils/datetime.ts';
import { unmaskContacts } from '../api.ts';
import { UsccText } from './UsccText.tsx';

/** 基本信息 of an enterprise file: facts, contacts (masked until asked, audited) and location. */
// a row of its own at every width: antd warns when a span exceeds the row's columns (1 on a phone)
const WHOLE_ROW = { xs: 1, md: 2 } as const;

export function EnterpriseBasicInfo({ enterprise, canUnmask }: { enterprise: Enterprise; canUnmask: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const showError = useShowError();
  const [fullContacts, setFullContacts] = useState<Contact[] | null>(null);
  const unmask = useMutation({
    mutationFn: () => unmaskContacts(enterprise.id),
    onSuccess: (r) => setFullContacts(r.contacts),
    onError: showError,
  });
  const e = enterprise;
  const contacts = fullContacts ?? e.contacts;

  return (
    <Flex vertical gap={16}>
      <Descriptions
        bordered
        column={{ xs: 1, md: 2 }}
        size="middle"
        data-testid="enterprise-basic"
        items={[
          { key: 'name', label: t('enterprise.fields.name'), children: e.name },
          { key: 'uscc', label: t('enterprise.fields.uscc'), children: <UsccText uscc={e.uscc} valid={e.usccValid} /> },
          ...(e.usccOverrideReason
            ? [
                {
                  key: 'override',
                  label: t('enterprise.detail.overrideReason'),
                  children: e.usccOverrideReason,
                  span: WHOLE_ROW,
                },
              ]
            : []),
          {
            key: 'legal',
            label: t('enterprise.fields.legalRepresentative'),
            children: e.legalRepresentative ?? t('common.none'),
          },
          { key: 'town', label: t('enterprise.fields.town'), children: townName(e.townCode, lang, e.townName) },
          {
            key: 'industry',
            label: t('enterprise.fields.industry'),
            children: `${e.industryCode} ${industryName(e.industryCode, lang, e.industryName)}`,
          },
          {
            key: 'status',
            label: t('enterprise.fields.status'),
            children: <Tag color={STATUS_COLORS[e.status]}>{statusLabel(e.status, lang)}</Tag>,
          },
          {
            key: 'credit',
            label: t('enterprise.fields.creditGrade'),
            children: e.creditGrade ? (
              <Tag color={CREDIT_COLORS[e.creditGrade]}>{creditLabel(e.creditGrade, lang)}</Tag>
            ) : (
              t('common.none')
            ),
          },
          {
            key: 'tags',
            label: t('enterprise.fields.tags'),
            children:
              e.tags.length > 0 ? e.tags.map((tag) => <Tag key={tag}>{tagLabel(tag, lang)}</Tag>) : t('common.none'),
          },
          { key: 'address', label: t('enterprise.fields.address'), children: e.address, span: WHOLE_ROW },
          {
            key: 'location',
            label: t('enterprise.fields.location'),
            children: e.location ? (
              <Typography.Text copyable>{`${e.location.lat.toFixed(6)}, ${e.location.lng.toFixed(6)}`}</Typography.Text>
            ) : (
              t('enterprise.detail.noLocation')
            ),
          },
          { key: 'created', label: t('enterprise.fields.createdAt'), children: formatDateTime(e.createdAt) },
          // the last item takes what is left of its row, so the table ends square
          {
            key: 'updated',
            label: t('enterprise.fields.updatedAt'),
            children: formatDateTime(e.updatedAt),
            span: 'filled',
          },
        ]}
      />
      <Card
        size="small"
        title={t('enterprise.fields.contacts')}
        extra={
          canUnmask && e.contacts.length > 0 && !fullContacts ? (
            <Tooltip title={t('enterprise.detail.unmaskHint')}>
              <Button
                size="small"
                icon={<EyeOutlined />}
                loading={unmask.isPending}
                onClick={() => unmask.mutate()}
                data-testid="unmask-contacts"
              >
                {t('enterprise.detail.showFullPhone')}
              </Button>
            </Tooltip>
          ) : null
        }
      >
        <Table<Contact>
          size="small"
          pagination={false}
          rowKey={(c) => `${c.name}-${c.phone}`}
          dataSource={contacts}
          locale={{ emptyText: <EmptyState description={t('enterprise.detail.noContacts')} /> }}
          data-testid="enterprise-contacts"
          columns={[
            { title: t('enterprise.fields.contactName'), dataIndex: 'name' },
            { title: t('enterprise.fields.contactPhone'), dataIndex: 'phone', render: (v: string) => <code>{v}</code> },
            {
              title: t('enterprise.fields.contactRole'),
              dataIndex: 'role',
              render: (v?: string) => v ?? t('common.none'),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
