import { todayInShanghai } from '@qingshan/core/calendar';
import {
  listingValidUntil,
  POSITIVE_LIST_CATEGORIES,
  POSITIVE_LIST_CATEGORY_LABELS,
  type PositiveListCategory,
} from '@qingshan/core/positive-list';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import { type ConditionCheck, type DecisionBody, decideListing, getChecks, positiveListKeys } from './api.ts';
import { CHECK_STATUS_COLORS } from './labels.ts';
import { PositiveListNav } from './PositiveListNav.tsx';

type FormValues = {
  enterpriseId?: string;
  category?: PositiveListCategory;
  reason?: string;
  confirmations?: Record<string, string>;
};

// the rule's default; the server applies the version in force and shows the exact day on the decision
const VALIDITY_YEARS = 3;

/**
 * 列入正面清单: the officer picks a firm and a category; the platform's checks of its records are
 * shown as they stand, a condition with no source takes the officer's verification, and the
 * decision (with its reason) keeps that evidence snapshot.
 */
export default function ListingFormPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const category = Form.useWatch('category', form);
  const checks = useQuery({
    queryKey: positiveListKeys.checks(enterpriseId ?? ''),
    queryFn: ({ signal }) => getChecks(enterpriseId!, signal),
    enabled: !!enterpriseId,
  });
  const submit = useMutation({
    mutationFn: (body: DecisionBody) => decideListing(body),
    onSuccess: (e) => {
      message.success(t('positiveList.listedOk'));
      void navigate(`/staff/positive-list/${e.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.errors.length) {
        setUnplaced(applyFieldErrors(form, err).map((x) => x.message));
        // a condition that failed has no input of its own: show it above the form
        if (err.code !== 'VALIDATION_FAILED') showError(err);
      } else showError(err);
    },
  });
  const failed = (checks.data ?? []).filter((c) => c.status === 'failed');
  const noSource = (checks.data ?? []).filter((c) => c.status === 'no-source');
  const validUntil = listingValidUntil(todayInShanghai(), VALIDITY_YEARS);
  return (
    <PageContainer title={t('positiveList.newTitle')} extra={<PositiveListNav current="new" />}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 960 }}
        onFinish={(v) => {
          setUnplaced([]);
          const confirmations = Object.fromEntries(
            Object.entries(v.confirmations ?? {}).filter(([, note]) => note?.trim()),
          );
          submit.mutate({
            enterpriseId: v.enterpriseId!,
            category: v.category!,
            reason: v.reason!,
            confirmations,
          });
        }}
      >
        <Card style={{ marginBottom: 16 }}>
          <Form.Item
            name="enterpriseId"
            label={t('positiveList.enterprise')}
            rules={[{ required: true, message: t('positiveList.pickEnterprise') }]}
          >
            <EnterprisePicker
              data-testid="listing-enterprise"
              onChange={(v) => setEnterpriseId(typeof v === 'string' ? v : undefined)}
            />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('positiveList.category')}
            rules={[{ required: true, message: t('positiveList.pickCategory') }]}
            extra={
              category
                ? t('common.labelled', {
                    label: t('positiveList.categorySource'),
                    value:
                      lang === 'en'
                        ? POSITIVE_LIST_CATEGORY_LABELS[category].sourceEn
                        : POSITIVE_LIST_CATEGORY_LABELS[category].source,
                  })
                : null
            }
          >
            <Select
              data-testid="listing-category"
              options={POSITIVE_LIST_CATEGORIES.map((c) => ({
                value: c,
                label: POSITIVE_LIST_CATEGORY_LABELS[c][coreLang(lang)],
              }))}
            />
          </Form.Item>
          <Typography.Text type="secondary">
            {t('positiveList.validityNote', { years: VALIDITY_YEARS, until: validUntil })}
          </Typography.Text>
        </Card>
        <Card title={t('positiveList.checksTitle')} style={{ marginBottom: 16 }} data-testid="listing-checks">
          {!enterpriseId ? (
            <Typography.Text type="secondary">{t('positiveList.checksHint')}</Typography.Text>
          ) : checks.isPending ? (
            <PageLoading />
          ) : checks.isError ? (
            <ErrorState error={checks.error} onRetry={() => checks.refetch()} />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {failed.length ? <Alert type="error" showIcon title={t('positiveList.failedNotice')} /> : null}
              {noSource.length ? <Alert type="warning" showIcon title={t('positiveList.noSourceNotice')} /> : null}
              <Table<ConditionCheck>
                rowKey="condition"
                size="small"
                pagination={false}
                dataSource={checks.data}
                columns={[
                  {
                    title: t('positiveList.condition'),
                    dataIndex: 'condition',
                    width: 200,
                    render: (c: ConditionCheck['condition']) => t(`positiveList.conditions.${c}`),
                  },
                  {
                    title: t('positiveList.result'),
                    dataIndex: 'status',
                    width: 120,
                    render: (s: ConditionCheck['status']) => (
                      <Tag color={CHECK_STATUS_COLORS[s]}>{t(`positiveList.statuses.${s}`)}</Tag>
                    ),
                  },
                  { title: t('positiveList.found'), dataIndex: 'evidence' },
                  {
                    title: t('positiveList.confirmation'),
                    width: 300,
                    render: (_, c) =>
                      c.status === 'no-source' ? (
                        <Form.Item name={['confirmations', c.condition]} style={{ margin: 0 }}>
                          <Input.TextArea
                            autoSize
                            maxLength={500}
                            placeholder={t('positiveList.confirmationPlaceholder')}
                            data-testid={`confirm-${c.condition}`}
                          />
                        </Form.Item>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            </Space>
          )}
        </Card>
        <Card>
          <Form.Item
            name="reason"
            label={t('positiveList.reason')}
            rules={[{ required: true, whitespace: true, message: t('positiveList.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="listing-reason" />
          </Form.Item>
          {unplaced.length ? (
            <Alert
              type="error"
              showIcon
              title={unplaced.join(t('common.clauseSeparator'))}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Button type="primary" htmlType="submit" loading={submit.isPending} disabled={failed.length > 0}>
            {t('positiveList.submitListing')}
          </Button>
        </Card>
      </Form>
    </PageContainer>
  );
}
