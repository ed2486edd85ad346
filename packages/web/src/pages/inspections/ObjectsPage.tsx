import { INSPECTION_CLASSES, type InspectionClass } from '@qingshan/core/inspection-draws';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { defineListQuery, oneOfFilter, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { townName } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import { getObjects, type InspectionObject, inspectionKeys, type ObjectBody, putObject } from './api.ts';
import { InspectionsNav } from './InspectionsNav.tsx';
import { INSPECTION_PERMISSIONS } from './permissions.ts';

const objectsQuery = defineListQuery({
  filters: { class: oneOfFilter(INSPECTION_CLASSES) },
  sorts: ['class', '-class', 'enterprise', '-enterprise', '-updatedAt', 'updatedAt'] as const,
  pageSizes: [20, 50, 100],
});

/** 检查对象名录库: every firm with its Jiangxi class (a / b / c / special) and why; each change is a new version. */
export default function ObjectsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const canKeep = canAccess(roles, INSPECTION_PERMISSIONS.keepLibraries);
  const list = useListQuery(objectsQuery);
  const { query } = list;
  const [editing, setEditing] = useState<Partial<InspectionObject> | null>(null);
  const result = useQuery({
    queryKey: inspectionKeys.objects(query),
    queryFn: ({ signal }) => getObjects(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('inspections.objectsTitle')} extra={<InspectionsNav current="objects" />}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          style={{ width: 200 }}
          aria-label={t('inspections.class')}
          value={query.class ?? ''}
          onChange={(v) => list.update({ class: (v || undefined) as InspectionClass | undefined })}
          options={[
            { value: '', label: t('inspections.allClasses') },
            ...INSPECTION_CLASSES.map((c) => ({ value: c, label: t(`inspections.classes.${c}`) })),
          ]}
        />
        {result.data ? (
          <Typography.Text type="secondary">
            {t('inspections.libraryVersion', { version: result.data.version })}
          </Typography.Text>
        ) : null}
        {canKeep ? (
          <Button type="primary" onClick={() => setEditing({})} data-testid="object-add">
            {t('inspections.addObject')}
          </Button>
        ) : null}
      </Space>
      <PagedTable<InspectionObject, typeof query>
        list={list}
        result={result}
        rowKey="id"
        columns={[
          { title: t('inspections.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise', sorter: true },
          {
            title: t('inspections.town'),
            key: 'town',
            width: 100,
            render: (_: unknown, r) => townName(r.townCode, lang, r.townName),
          },
          {
            title: t('inspections.class'),
            key: 'class',
            sorter: true,
            width: 170,
            render: (_: unknown, o) => t(`inspections.classes.${o.class}`),
          },
          { title: t('inspections.basis'), dataIndex: 'basis' },
          {
            title: t('inspections.updated'),
            dataIndex: 'updatedAt',
            key: 'updatedAt',
            sorter: true,
            width: 210,
            render: (v: string, o) => `${formatDateTime(v)} · ${o.updatedByName}`,
          },
          ...(canKeep
            ? [
                {
                  title: t('inspections.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, o: InspectionObject) => (
                    <Button size="small" onClick={() => setEditing(o)}>
                      {t('inspections.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? <ObjectModal object={editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}

function ObjectModal({ object, onClose }: { object: Partial<InspectionObject>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ObjectBody>();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const save = useMutation({
    mutationFn: (body: ObjectBody) => putObject(body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['inspections', 'objects'] });
      message.success(t('inspections.saved'));
      onClose();
    },
    onError: (err) => (err instanceof ApiError && err.errors.length ? applyFieldErrors(form, err) : showError(err)),
  });
  return (
    <Modal
      open
      title={object.id ? t('inspections.editObject') : t('inspections.addObject')}
      okText={t('inspections.save')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<ObjectBody>
        form={form}
        layout="vertical"
        initialValues={{ enterpriseId: object.enterpriseId, class: object.class, basis: object.basis }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="enterpriseId"
          label={t('inspections.enterprise')}
          rules={[{ required: true, message: t('inspections.required') }]}
        >
          {object.id ? (
            <Select disabled options={[{ value: object.enterpriseId, label: object.enterpriseName }]} />
          ) : (
            <EnterprisePicker />
          )}
        </Form.Item>
        <Form.Item
          name="class"
          label={t('inspections.class')}
          rules={[{ required: true, message: t('inspections.required') }]}
        >
          <Select options={INSPECTION_CLASSES.map((c) => ({ value: c, label: t(`inspections.classes.${c}`) }))} />
        </Form.Item>
        <Form.Item
          name="basis"
          label={t('inspections.basis')}
          extra={t('inspections.basisHint')}
          rules={[{ required: true, whitespace: true, message: t('inspections.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
