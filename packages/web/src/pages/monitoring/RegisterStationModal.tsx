import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/errors.ts';
import { useMessage } from '../../components/feedback.tsx';
import { RemoveRowButton } from '../../components/RemoveRowButton.tsx';
import { listEnterprises } from '../enterprises/api.ts';
import { createStation, type StationCreate } from './api.ts';
import { EDITION_OPTIONS, outletKindOptions } from './station-options.ts';

type FormValues = {
  enterpriseId: string;
  name: string;
  mn: string;
  password: string;
  edition: '2017' | '2005';
  outletKind: 'gas' | 'water';
  outletCode?: string;
  outletName?: string;
  outletLocation?: string;
  factors: { code: string; upperLimit?: number | null }[];
};

/** 登记监控点: a logger's MN, password and edition, its outlet and factors with limits. */
export function RegisterStationModal({ mn, onClose }: { mn?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [search, setSearch] = useState('');
  const enterprises = useQuery({
    queryKey: ['monitoring', 'enterprise-options', search],
    queryFn: ({ signal }) => listEnterprises({ q: search || undefined, page: 1, pageSize: 20 } as never, signal),
  });
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      createStation({
        ...v,
        outletCode: v.outletCode || undefined,
        outletName: v.outletName || undefined,
        outletLocation: v.outletLocation || undefined,
        factors: v.factors.map((f) => ({
          code: f.code,
          ...(f.upperLimit != null ? { upperLimit: f.upperLimit } : {}),
        })),
      } as StationCreate),
    onSuccess: (s) => {
      const replayed = (s as { replayedReadings?: number }).replayedReadings ?? 0;
      message.success(
        replayed > 0
          ? `${t('monitoring.form.saved')}${t('common.phraseSeparator')}${t('monitoring.form.replayed', { count: replayed })}`
          : t('monitoring.form.saved'),
      );
      void qc.invalidateQueries({ queryKey: ['monitoring'] });
      onClose();
    },
    onError: showError,
  });
  const req = [{ required: true, whitespace: true, message: t('monitoring.form.required') }];
  return (
    <Modal
      open
      title={t('monitoring.form.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ mn, password: '', edition: '2017', outletKind: 'gas', factors: [{ code: '' }] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="enterpriseId"
          label={t('monitoring.form.enterprise')}
          rules={[{ required: true, message: t('monitoring.form.required') }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            placeholder={t('monitoring.form.enterprisePlaceholder')}
            loading={enterprises.isFetching}
            options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="name" label={t('monitoring.form.name')} rules={req}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="mn" label={t('monitoring.mn')} rules={req}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="password" label={t('monitoring.form.password')}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="edition" label={t('monitoring.edition')}>
            <Select style={{ width: 160 }} options={EDITION_OPTIONS} />
          </Form.Item>
          <Form.Item name="outletKind" label={t('monitoring.form.outletKind')}>
            <Select style={{ width: 160 }} options={outletKindOptions(t)} />
          </Form.Item>
          <Form.Item name="outletCode" label={t('monitoring.form.outletCode')}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="outletName" label={t('monitoring.form.outletName')}>
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Form.Item name="outletLocation" label={t('monitoring.form.outletLocation')}>
          <Input maxLength={100} placeholder={t('monitoring.form.outletLocationPlaceholder')} />
        </Form.Item>
        <Form.List name="factors">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'code']} label={t('monitoring.form.factorCode')} rules={req}>
                    <Input style={{ width: 160 }} placeholder="a21026" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'upperLimit']} label={t('monitoring.form.upperLimit')}>
                    <InputNumber min={0} style={{ width: 140 }} />
                  </Form.Item>
                  {fields.length > 1 ? <RemoveRowButton onClick={() => remove(f.name)} /> : null}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ code: '' })} icon={<PlusOutlined />}>
                {t('monitoring.form.addFactor')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
