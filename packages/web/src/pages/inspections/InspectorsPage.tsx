import {
  CONFLICT_KINDS,
  type InspectorBody as CoreInspectorBody,
  INSPECTOR_SORTS,
} from '@qingshan/core/inspection-draws';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { defineListQuery, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer, SectionTitle } from '../../components/PageContainer.tsx';
import { townName, townOptions } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import {
  createInspector,
  getInspectors,
  type Inspector,
  type InspectorBody,
  inspectionKeys,
  updateInspector,
} from './api.ts';
import { InspectionsNav } from './InspectionsNav.tsx';
import { INSPECTION_PERMISSIONS } from './permissions.ts';

const inspectorsQuery = defineListQuery({ filters: {}, sorts: INSPECTOR_SORTS, pageSizes: [20, 50] });

type FormValues = Omit<CoreInspectorBody, 'userId'>;

/** 执法检查人员名录库: inspectors, their own town and their conflicts of interest (回避), all editable. */
export default function InspectorsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const canKeep = canAccess(roles, INSPECTION_PERMISSIONS.keepLibraries);
  const list = useListQuery(inspectorsQuery);
  const { query } = list;
  const [editing, setEditing] = useState<Inspector | 'new' | null>(null);
  const result = useQuery({
    queryKey: inspectionKeys.inspectors(query),
    queryFn: ({ signal }) => getInspectors(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('inspections.inspectorsTitle')} extra={<InspectionsNav current="inspectors" />}>
      <Space style={{ marginBottom: 16 }} wrap>
        {result.data ? (
          <Typography.Text type="secondary">
            {t('inspections.libraryVersion', { version: result.data.version })}
          </Typography.Text>
        ) : null}
        {canKeep ? (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('inspections.addInspector')}
          </Button>
        ) : null}
      </Space>
      <PagedTable<Inspector, typeof query>
        list={list}
        result={result}
        rowKey="id"
        columns={[
          { title: t('inspections.inspectorName'), dataIndex: 'name', key: 'name', sorter: true, width: 140 },
          {
            title: t('inspections.ownTown'),
            key: 'town',
            width: 100,
            render: (_: unknown, r) => (r.townCode ? townName(r.townCode, lang, r.townName ?? undefined) : '—'),
          },
          {
            title: t('inspections.active'),
            dataIndex: 'active',
            width: 90,
            render: (v: boolean) =>
              v ? <Tag color="green">{t('inspections.yes')}</Tag> : <Tag>{t('inspections.no')}</Tag>,
          },
          {
            title: t('inspections.conflicts'),
            dataIndex: 'conflicts',
            render: (cs: Inspector['conflicts']) =>
              cs.length ? (
                <Space orientation="vertical" size={2}>
                  {cs.map((c) => (
                    <span key={`${c.enterpriseId}-${c.kind}`}>
                      <Tag color="orange">{t(`inspections.conflictKinds.${c.kind}`)}</Tag>
                      <span>
                        {c.enterpriseName}
                        {c.note ? `（${c.note}）` : ''}
                      </span>
                    </span>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('inspections.updated'),
            dataIndex: 'updatedAt',
            key: 'updatedAt',
            sorter: true,
            width: 150,
            render: (v: string) => <DateTimeText value={v} />,
          },
          ...(canKeep
            ? [
                {
                  title: t('inspections.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, i: Inspector) => (
                    <Button size="small" onClick={() => setEditing(i)} data-testid={`inspector-edit-${i.name}`}>
                      {t('inspections.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <InspectorModal inspector={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </PageContainer>
  );
}

function InspectorModal({ inspector, onClose }: { inspector: Inspector | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const save = useMutation({
    // the platform account stays as it is: linking an account is done where accounts are kept
    mutationFn: (v: FormValues) => {
      const body: InspectorBody = { ...v, userId: inspector?.userId ?? null, townCode: v.townCode ?? null };
      return inspector ? updateInspector(inspector.id, body) : createInspector(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['inspections', 'inspectors'] });
      message.success(t('inspections.saved'));
      onClose();
    },
    onError: (err) => (err instanceof ApiError && err.errors.length ? applyFieldErrors(form, err) : showError(err)),
  });
  const conflictOptions = (inspector?.conflicts ?? []).map((c) => ({ value: c.enterpriseId, label: c.enterpriseName }));
  return (
    <Modal
      open
      width={760}
      title={inspector ? t('inspections.editInspector', { name: inspector.name }) : t('inspections.addInspector')}
      okText={t('inspections.save')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          name: inspector?.name,
          townCode: inspector?.townCode ?? null,
          active: inspector?.active ?? true,
          conflicts: (inspector?.conflicts ?? []).map((c) => ({
            enterpriseId: c.enterpriseId,
            kind: c.kind,
            note: c.note,
          })),
        }}
        onFinish={(v) => save.mutate({ ...v, conflicts: v.conflicts ?? [] })}
      >
        <Space size={16} wrap align="start">
          <Form.Item
            name="name"
            label={t('inspections.inspectorName')}
            rules={[{ required: true, whitespace: true, message: t('inspections.required') }]}
          >
            <Input maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="townCode" label={t('inspections.ownTown')} extra={t('inspections.ownTownHint')}>
            <Select style={{ width: 200 }} allowClear options={townOptions(lang)} />
          </Form.Item>
          <Form.Item name="active" label={t('inspections.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <SectionTitle>{t('inspections.conflicts')}</SectionTitle>
        <Typography.Paragraph type="secondary">{t('inspections.conflictsHint')}</Typography.Paragraph>
        <Form.List name="conflicts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item
                    name={[f.name, 'enterpriseId']}
                    rules={[{ required: true, message: t('inspections.required') }]}
                  >
                    <EnterprisePicker
                      aria-label={t('svc.common.pickEnterprise')}
                      style={{ width: 260 }}
                      options={conflictOptions}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: t('inspections.required') }]}>
                    <Select
                      aria-label={t('inspections.conflictKind')}
                      style={{ width: 180 }}
                      options={CONFLICT_KINDS.map((k) => ({ value: k, label: t(`inspections.conflictKinds.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'note']}
                    rules={[{ required: true, whitespace: true, message: t('inspections.required') }]}
                  >
                    <Input placeholder={t('inspections.conflictNote')} maxLength={200} style={{ width: 180 }} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('inspections.removeConflict')}</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ kind: 'kin' })}>
                {t('inspections.addConflict')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
