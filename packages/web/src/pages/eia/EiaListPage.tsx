import { PlusOutlined } from '@ant-design/icons';
import {
  EIA_CATEGORY_LABELS,
  EIA_PATH_LABELS,
  EIA_PATHS,
  EIA_STATE_LABELS,
  EIA_STATES,
  type EiaPath,
  EXEMPTION_LIST_LABELS,
  EXEMPTION_LISTS,
  pathsFor,
} from '@qingshan/core/eia';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import {
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import { createEiaCase, type EiaCase, type EiaCaseCreate, eiaKeys, listEiaCases } from './api.ts';
import { handoffOf } from './handoff.ts';
import { pickHeading, STATE_COLORS } from './labels.ts';

const eiaListQuery = defineListQuery({
  filters: { path: oneOfFilter(EIA_PATHS), state: oneOfFilter(EIA_STATES), q: textFilter(50) },
  sorts: ['-acceptedOn', 'acceptedOn', 'enterprise', '-enterprise'] as const,
});

type FormValues = Omit<EiaCaseCreate, 'decidedOn' | 'industryCode' | 'constructionType' | 'facts'> & {
  decidedOn?: Dayjs;
};

/** 环评事项: staff see every case; an enterprise sees its own and records its own 登记表备案. */
export default function EiaListPage({ face }: { face: 'staff' | 'enterprise' }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles, user } = useAuth();
  const list = useListQuery(eiaListQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: eiaKeys.list(query),
    queryFn: ({ signal }) => listEiaCases(query, signal),
    placeholderData: keepPreviousData,
  });
  const canCreate =
    face === 'staff' ? canAccess(roles, PERMISSIONS.eiaOpen) : canAccess(roles, PERMISSIONS.ownEnterprise);
  // a case is opened from the wizard's result: its category decides which paths are offered
  const location = useLocation();
  const handoff = handoffOf(location.state);
  const paths = useMemo(() => {
    const facePaths: readonly EiaPath[] = face === 'staff' ? EIA_PATHS : ['filing'];
    return handoff
      ? facePaths.filter((p) => pathsFor(handoff.answer.category, handoff.classification.industryCode).includes(p))
      : facePaths;
  }, [face, handoff]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const path = Form.useWatch('path', form) as EiaPath | undefined;
  const qc = useQueryClient();
  const showError = useShowError();
  const navigate = useNavigate();
  const base = face === 'staff' ? '/staff/eia' : '/enterprise/eia';
  const wizardPath = face === 'staff' ? '/staff/eia-wizard' : '/eia-wizard';
  useEffect(() => {
    if (!handoff || !canCreate) return;
    const app = handoff.application;
    form.setFieldsValue({
      path: app?.path && paths.includes(app.path) ? app.path : paths[0],
      ...(app ? { enterpriseId: app.enterpriseId, projectName: app.projectName } : {}),
    });
    setOpen(true);
  }, [handoff, canCreate, form, paths]);
  const create = useMutation({
    mutationFn: (v: FormValues) =>
      createEiaCase({
        ...v,
        ...handoff!.classification,
        ...(handoff?.application
          ? { applicationId: handoff.application.id, enterpriseId: handoff.application.enterpriseId }
          : {}),
        ...(face === 'enterprise' && user?.enterpriseId ? { enterpriseId: user.enterpriseId } : {}),
        decidedOn: v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : undefined,
      } as EiaCaseCreate),
    onSuccess: (c) => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: eiaKeys.all });
      navigate(`${base}/${c.id}`, { replace: true });
    },
    onError: (e) => {
      if (!(e instanceof ApiError && applyFieldErrors(form, e))) showError(e);
    },
  });
  return (
    <PageContainer
      title={t('eia.title')}
      extra={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(wizardPath)} data-testid="eia-new">
            {face === 'staff' ? t('eia.new') : t('eia.newFiling')}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          aria-label={t('eia.path')}
          placeholder={t('eia.path')}
          style={{ width: 220 }}
          value={query.path}
          onChange={(v) => update({ path: v })}
          options={EIA_PATHS.map((p) => ({ value: p, label: pickHeading(EIA_PATH_LABELS[p], lang) }))}
        />
        <Select
          allowClear
          aria-label={t('eia.state')}
          placeholder={t('eia.state')}
          style={{ width: 160 }}
          value={query.state}
          onChange={(v) => update({ state: v })}
          options={EIA_STATES.map((s) => ({ value: s, label: pickHeading(EIA_STATE_LABELS[s], lang) }))}
        />
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          placeholder={t('eia.searchPlaceholder')}
          style={{ width: 280 }}
          onSearch={(q) => update({ q: q.trim() || undefined })}
        />
      </Space>
      <PagedTable<EiaCase, typeof query>
        list={list}
        result={result}
        rowKey="id"
        columns={[
          {
            title: t('eia.code'),
            dataIndex: 'code',
            // a case number broken over two lines reads as two numbers
            render: (code: string) => <span style={{ whiteSpace: 'nowrap' }}>{code}</span>,
          },
          {
            title: t('eia.project'),
            dataIndex: 'projectName',
            render: (name: string, c) => <Link to={`${base}/${c.id}`}>{name}</Link>,
          },
          ...(face === 'staff'
            ? [{ title: t('eia.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise', sorter: true }]
            : []),
          { title: t('eia.path'), render: (_: unknown, c: EiaCase) => pickHeading(EIA_PATH_LABELS[c.path], lang) },
          {
            title: t('eia.category'),
            render: (_: unknown, c: EiaCase) => pickHeading(EIA_CATEGORY_LABELS[c.category], lang),
          },
          {
            title: t('eia.state'),
            render: (_: unknown, c: EiaCase) => (
              <Space size={4} wrap>
                <Tag color={STATE_COLORS[c.state]}>{pickHeading(EIA_STATE_LABELS[c.state], lang)}</Tag>
                {c.unansweredObjections > 0 ? (
                  <Tag color="red">{t('eia.unanswered', { count: c.unansweredObjections })}</Tag>
                ) : null}
              </Space>
            ),
          },
          // the list goes by it; the dates column shows it only until a deadline or a decision replaces it
          { title: t('eia.acceptedOn'), dataIndex: 'acceptedOn', key: 'acceptedOn', sorter: true },
          {
            title: t('eia.dates'),
            render: (_: unknown, c: EiaCase) =>
              c.state === 'publicity'
                ? t('eia.publicityUntil', { date: c.publicityEndsOn })
                : c.verificationDueDate && (c.state === 'approved' || c.state === 'rectifying')
                  ? t('eia.verifyBy', { date: c.verificationDueDate })
                  : c.decisionDueDate
                    ? t('eia.decideBy', { date: c.decisionDueDate })
                    : (c.decidedOn ?? c.acceptedOn),
          },
        ]}
      />
      <Modal
        open={open}
        title={face === 'staff' ? t('eia.new') : t('eia.newFiling')}
        width={720}
        onCancel={() => {
          setOpen(false);
          // the handoff is used once: reloading the list does not reopen the form
          navigate(location.pathname + location.search, { replace: true, state: null });
        }}
        onOk={() => form.submit()}
        okButtonProps={{ loading: create.isPending, ...({ 'data-testid': 'eia-create-ok' } as object) }}
      >
        {handoff ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="eia-create-evidence"
            title={t('common.labelled', {
              label: t('eia.category'),
              value: t('common.parenthetical', {
                text: pickHeading(EIA_CATEGORY_LABELS[handoff.answer.category], lang),
                note: lang === 'en' ? (handoff.answer.basisEn ?? handoff.answer.basis) : handoff.answer.basis,
              }),
            })}
            description={
              <>
                <div>“{handoff.answer.quote}”</div>
                <Typography.Text type="secondary">
                  {[
                    t('eia.fromWizard'),
                    [
                      t('common.labelled', {
                        label: t('eia.industryCode'),
                        value: handoff.classification.industryCode,
                      }),
                      t('common.labelled', {
                        label: t('eia.constructionType'),
                        value: t(`eia.construction.${handoff.classification.constructionType}`),
                      }),
                    ].join(t('common.phraseSeparator')),
                    ...(handoff.application ? [t('eia.fromApplication')] : []),
                  ].join(t('common.clauseSeparator'))}
                </Typography.Text>
              </>
            }
          />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            inSensitiveArea: false,
            electroplating: false,
            nationalSecurity: false,
          }}
          onFinish={(v) => create.mutate(v)}
        >
          <Flex gap={12} wrap>
            <Form.Item
              name="path"
              label={t('eia.path')}
              extra={t('eia.pathsAllowed')}
              rules={[{ required: true }]}
              style={{ width: 320 }}
            >
              <Select
                data-testid="eia-path"
                options={paths.map((p) => ({ value: p, label: pickHeading(EIA_PATH_LABELS[p], lang) }))}
              />
            </Form.Item>
          </Flex>
          {face === 'staff' && !handoff?.application ? (
            <Form.Item name="enterpriseId" label={t('eia.enterprise')} rules={[{ required: true }]}>
              <EnterprisePicker data-testid="eia-enterprise" />
            </Form.Item>
          ) : null}
          <Form.Item name="projectName" label={t('eia.project')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} data-testid="eia-project" />
          </Form.Item>
          <Form.Item name="projectAddress" label={t('eia.address')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item
              name="contactName"
              label={t('eia.contactName')}
              rules={[{ required: true }]}
              style={{ width: 140 }}
            >
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label={t('eia.contactPhone')}
              rules={[{ required: true }]}
              style={{ width: 180 }}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Flex>
          <Space wrap>
            <Form.Item name="inSensitiveArea" valuePropName="checked" noStyle>
              <Checkbox>{t('eia.inSensitiveArea')}</Checkbox>
            </Form.Item>
            <Form.Item name="electroplating" valuePropName="checked" noStyle>
              <Checkbox>{t('eia.electroplating')}</Checkbox>
            </Form.Item>
            <Form.Item name="nationalSecurity" valuePropName="checked" noStyle>
              <Checkbox>{t('eia.nationalSecurity')}</Checkbox>
            </Form.Item>
          </Space>
          {path === 'commitment' ? (
            <>
              <Alert style={{ margin: '12px 0' }} type="info" showIcon title={t('eia.commitmentHelp')} />
              <Form.Item
                name="commitmentSigned"
                valuePropName="checked"
                rules={[
                  { validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('eia.mustSign')))) },
                ]}
              >
                <Checkbox data-testid="eia-signed">{t('eia.commitmentSigned')}</Checkbox>
              </Form.Item>
            </>
          ) : null}
          {path === 'exemption' ? (
            <>
              <Form.Item name="exemptionList" label={t('eia.exemptionList')} rules={[{ required: true }]}>
                <Select
                  options={EXEMPTION_LISTS.map((x) => ({
                    value: x,
                    label: pickHeading(EXEMPTION_LIST_LABELS[x], lang),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="exemptionEntry"
                label={t('eia.exemptionEntry')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea rows={2} maxLength={300} />
              </Form.Item>
            </>
          ) : null}
          {path === 'filing' ? (
            <Form.Item name="receiptNo" label={t('eia.receiptNo')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={60} data-testid="eia-receipt" />
            </Form.Item>
          ) : null}
          {path === 'filing' || path === 'exemption' ? (
            <Form.Item name="decidedOn" label={path === 'filing' ? t('eia.filedOn') : t('eia.exemptedOn')}>
              <DatePicker />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </PageContainer>
  );
}
