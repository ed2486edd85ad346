import { DECIDING_AUTHORITIES, MATERIAL_FORMS, MATTER_CHANNELS, MATTER_SORTS } from '@qingshan/core/matters';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { defineListQuery, PagedTable, textFilter, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer, SectionTitle } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import {
  getMatter,
  getMatters,
  getMatterVersions,
  type Matter,
  type MatterDetail,
  type MatterEdit,
  matterKeys,
  updateMatter,
} from './api.ts';
import { authorityColor, authorityLabel, channelLabel, formLabel, matterLabel } from './labels.ts';

const adminQuery = defineListQuery({ filters: { q: textFilter(50) }, sorts: MATTER_SORTS });

type Content = MatterEdit['content'];
/** The form holds the content as edited, with the list fields as lines of text. */
type EditForm = Omit<Content, 'conditions'> & { conditions: string; reason: string };

function toForm(m: MatterDetail): Omit<EditForm, 'reason'> {
  return {
    name: m.name,
    keywords: m.keywords,
    legalBasis: m.legalBasis,
    decidingAuthority: m.decidingAuthority,
    externalSystem: m.externalSystem,
    conditions: m.conditions.join('\n'),
    materials: m.materials,
    timeLimits: m.timeLimits,
    fees: m.fees,
    channels: m.channels,
    whereToApply: m.whereToApply,
    faq: m.faq,
    sources: m.sources,
  };
}

function fromForm(v: EditForm, m: MatterDetail): MatterEdit {
  const { reason, conditions, ...rest } = v;
  return {
    // the version this edit was made from: the server refuses it if another admin saved since
    version: m.version,
    reason,
    content: {
      ...rest,
      externalSystem: rest.externalSystem?.trim() ? rest.externalSystem : null,
      conditions: conditions
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      materials: (rest.materials ?? []).map((x) => ({
        ...x,
        template: x.template?.trim() ? x.template : null,
        note: x.note?.trim() ? x.note : null,
      })),
      // the clock profiles are chosen in the rules; the guide keeps the ones it names
      timeLimits: { ...m.timeLimits, description: rest.timeLimits.description },
      faq: rest.faq ?? [],
    },
  };
}

function EditTab({ m, onSaved }: { m: MatterDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<EditForm>();
  const save = useMutation({
    mutationFn: (v: EditForm) => updateMatter(m.code, fromForm(v, m)),
    onSuccess: () => {
      message.success(t('matters.admin.saved'));
      form.resetFields(['reason']);
      onSaved();
    },
    onError: showError,
  });
  const req = [{ required: true, whitespace: true, message: t('matters.admin.required') }];
  return (
    <Form<EditForm>
      form={form}
      layout="vertical"
      data-testid="matter-edit-form"
      initialValues={toForm(m)}
      onFinish={(v) => save.mutate(v)}
    >
      {save.error instanceof ApiError && save.error.errors.length ? (
        <Alert
          type="error"
          style={{ marginBottom: 12 }}
          title={save.error.errors.map((e) => `${e.path}: ${e.message}`).join(t('common.clauseSeparator'))}
        />
      ) : null}
      <Form.Item name="name" label={t('matters.name')} rules={req}>
        <Input />
      </Form.Item>
      <Form.Item name="keywords" label={t('matters.admin.keywords')}>
        <Select mode="tags" />
      </Form.Item>
      <Form.Item name="decidingAuthority" label={t('matters.authority')} rules={[{ required: true }]}>
        <Select options={DECIDING_AUTHORITIES.map((a) => ({ value: a, label: authorityLabel(a, lang) }))} />
      </Form.Item>
      <Form.Item name="externalSystem" label={t('matters.externalSystem')}>
        <Input />
      </Form.Item>
      <Form.Item name="legalBasis" label={t('matters.legalBasis')} rules={req}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        name="conditions"
        label={t('matters.conditions')}
        rules={req}
        extra={t('matters.admin.conditionsHint')}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <SectionTitle>{t('matters.materials')}</SectionTitle>
      <Form.List name="materials">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} wrap align="start">
                <Form.Item name={[f.name, 'name']} rules={req} style={{ flex: '1 1 220px' }}>
                  <Input placeholder={t('matters.material')} />
                </Form.Item>
                <Form.Item name={[f.name, 'form']} rules={[{ required: true }]}>
                  <Select
                    aria-label={t('matters.form')}
                    style={{ width: 130 }}
                    options={MATERIAL_FORMS.map((x) => ({ value: x, label: formLabel(x, lang) }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'count']} rules={[{ required: true }]}>
                  <InputNumber aria-label={t('matters.count')} min={1} max={20} precision={0} style={{ width: 70 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'required']} valuePropName="checked" label={t('matters.required')}>
                  <Switch size="small" />
                </Form.Item>
                <Form.Item name={[f.name, 'deferrable']} valuePropName="checked" label={t('matters.deferrable')}>
                  <Switch size="small" />
                </Form.Item>
                <Form.Item name={[f.name, 'template']} style={{ flex: '1 1 160px' }}>
                  <Input placeholder={t('matters.template')} />
                </Form.Item>
                <Form.Item name={[f.name, 'note']} style={{ flex: '1 1 160px' }}>
                  <Input placeholder={t('matters.note')} />
                </Form.Item>
                <Button danger size="small" onClick={() => remove(f.name)}>
                  {t('matters.admin.remove')}
                </Button>
              </Flex>
            ))}
            <Button
              onClick={() =>
                add({
                  name: '',
                  required: true,
                  form: 'original',
                  count: 1,
                  template: null,
                  deferrable: false,
                  note: null,
                })
              }
              style={{ marginBottom: 16 }}
            >
              {t('matters.admin.addMaterial')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name={['timeLimits', 'description']} label={t('matters.admin.limitsDescription')} rules={req}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="fees" label={t('matters.fees')} rules={req}>
        <Input />
      </Form.Item>
      <Form.Item name="channels" label={t('matters.channels')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Checkbox.Group options={MATTER_CHANNELS.map((c) => ({ value: c, label: channelLabel(c, lang) }))} />
      </Form.Item>
      <Form.Item name="whereToApply" label={t('matters.where')} rules={req}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <SectionTitle>{t('matters.faq')}</SectionTitle>
      <Form.List name="faq">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="start">
                <Form.Item name={[f.name, 'question']} rules={req} style={{ flex: 1 }}>
                  <Input placeholder={t('matters.admin.question')} />
                </Form.Item>
                <Form.Item name={[f.name, 'answer']} rules={req} style={{ flex: 2 }}>
                  <Input.TextArea rows={1} placeholder={t('matters.admin.answer')} />
                </Form.Item>
                <Button danger size="small" onClick={() => remove(f.name)}>
                  {t('matters.admin.remove')}
                </Button>
              </Flex>
            ))}
            <Button onClick={() => add({ question: '', answer: '' })} style={{ marginBottom: 16 }}>
              {t('matters.admin.addFaq')}
            </Button>
          </>
        )}
      </Form.List>
      <SectionTitle>{t('matters.sources')}</SectionTitle>
      {(['decidingAuthority', 'conditions', 'materials', 'timeLimits', 'fees', 'channels'] as const).map((k) => (
        <Form.Item key={k} name={['sources', k]} label={t(`matters.sourceOf.${k}`)} rules={req}>
          <Input />
        </Form.Item>
      ))}
      <Form.Item
        name="reason"
        label={t('matters.admin.reason')}
        rules={[{ required: true, whitespace: true, message: t('matters.admin.reasonRequired') }]}
      >
        <Input.TextArea rows={2} data-testid="matter-reason" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="matter-save">
        {t('matters.admin.save')}
      </Button>
    </Form>
  );
}

function MatterDrawer({ code, onClose }: { code: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const qc = useQueryClient();
  const detail = useQuery({ queryKey: matterKeys.detail(code), queryFn: ({ signal }) => getMatter(code, signal) });
  const versions = useQuery({
    queryKey: matterKeys.versions(code),
    queryFn: ({ signal }) => getMatterVersions(code, signal),
  });
  const m = detail.data;
  return (
    <Drawer open width={860} onClose={onClose} title={m ? matterLabel(code, m.name, lang) : code} destroyOnHidden>
      {detail.isError ? <ErrorState error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {m ? (
        <Tabs
          items={[
            {
              key: 'edit',
              label: t('matters.admin.edit'),
              children: (
                <EditTab key={m.version} m={m} onSaved={() => void qc.invalidateQueries({ queryKey: ['matters'] })} />
              ),
            },
            {
              key: 'versions',
              label: t('matters.admin.versions'),
              children: versions.isError ? (
                <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
              ) : (
                <Table
                  size="small"
                  rowKey="version"
                  pagination={false}
                  loading={versions.isLoading}
                  dataSource={versions.data ?? []}
                  data-testid="matter-versions"
                  columns={[
                    { title: '#', dataIndex: 'version', render: (v: number) => <Tag>v{v}</Tag> },
                    { title: t('matters.name'), render: (_v, x) => matterLabel(code, x.content.name, lang) },
                    { title: t('matters.admin.reason'), dataIndex: 'reason' },
                    { title: t('matters.admin.by'), dataIndex: 'createdByName' },
                    {
                      title: t('matters.admin.at'),
                      dataIndex: 'createdAt',
                      render: (d: string) => <DateTimeText value={d} />,
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      ) : null}
    </Drawer>
  );
}

/** 事项管理: an admin edits a guide; each save is a new version with its reason, the old kept. */
export default function MatterAdminPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(adminQuery);
  const { query } = list;
  const [open, setOpen] = useState<string | null>(null);
  const result = useQuery({
    queryKey: matterKeys.list(query),
    queryFn: ({ signal }) => getMatters(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('matters.admin.title')}>
      <div style={{ marginBottom: 16 }}>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          placeholder={t('matters.searchPlaceholder')}
          style={{ width: 360, maxWidth: '100%' }}
          onSearch={(q) => list.update({ q: q.trim() || undefined })}
        />
      </div>
      <PagedTable<Matter, typeof query>
        list={list}
        result={result}
        rowKey="code"
        columns={[
          {
            title: t('matters.name'),
            dataIndex: 'name',
            key: 'name',
            sorter: true,
            render: (name: string, m) => matterLabel(m.code, name, lang),
          },
          {
            title: t('matters.authority'),
            dataIndex: 'decidingAuthority',
            render: (a: Matter['decidingAuthority']) => <Tag color={authorityColor(a)}>{authorityLabel(a, lang)}</Tag>,
          },
          { title: '#', dataIndex: 'version', render: (v: number) => <Tag>v{v}</Tag> },
          {
            title: t('matters.admin.at'),
            dataIndex: 'updatedAt',
            key: 'updatedAt',
            sorter: true,
            render: (d: string) => <DateTimeText value={d} />,
          },
          {
            title: '',
            render: (_v, m) => (
              <Button size="small" onClick={() => setOpen(m.code)} data-testid={`matter-edit-${m.code}`}>
                {t('matters.admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      {open ? <MatterDrawer code={open} onClose={() => setOpen(null)} /> : null}
    </PageContainer>
  );
}
