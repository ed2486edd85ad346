import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useMessage } from '../../components/feedback.tsx';
import { SectionTitle } from '../../components/PageContainer.tsx';
import { RemoveRowButton } from '../../components/RemoveRowButton.tsx';
import { type StationDetail, type StationPatch, updateStation } from './api.ts';
import { EDITION_OPTIONS, outletKindOptions } from './station-options.ts';

type FactorValues = {
  code: string;
  upperLimit?: number | null;
  lowerLimit?: number | null;
  unit?: string | null;
  standard?: string | null;
  rangeMax?: number | null;
};
type FormValues = {
  name: string;
  password?: string;
  clearPassword?: boolean;
  edition: '2017' | '2005';
  outletKind: 'gas' | 'water';
  outletCode?: string | null;
  outletName?: string | null;
  outletLocation?: string | null;
  rtdIntervalSeconds: number;
  minIntervalMinutes: number;
  crcModes: ('modbus-le' | 'modbus-be' | 'none')[];
  factors: FactorValues[];
};

const opt = <T,>(v: T | null | undefined): T | undefined => (v === null || v === undefined || v === '' ? undefined : v);

/**
 * 修改监控点: staff correct what was registered — name, password, edition, outlet, expected
 * intervals, CRC variants and the factors with their limits and standards. The MN is shown but
 * cannot change: it is the logger's identity (a new logger is a new station).
 */
export function EditStationModal({ station, onClose }: { station: StationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  // the version the form was filled from: the page refetches the station every 15 s, and sending a
  // newer version with these older values would silently undo someone else's correction
  const [version] = useState(station.version);
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      updateStation(station.id, {
        version,
        name: v.name,
        ...(v.clearPassword ? { clearPassword: true } : v.password ? { password: v.password } : {}),
        edition: v.edition,
        outletKind: v.outletKind,
        outletCode: v.outletCode || null,
        outletName: v.outletName || null,
        outletLocation: v.outletLocation || null,
        rtdIntervalSeconds: v.rtdIntervalSeconds,
        minIntervalMinutes: v.minIntervalMinutes,
        crcModes: v.crcModes,
        factors: v.factors.map((f) => ({
          code: f.code,
          upperLimit: opt(f.upperLimit),
          lowerLimit: opt(f.lowerLimit),
          unit: opt(f.unit),
          standard: opt(f.standard),
          rangeMax: opt(f.rangeMax),
        })),
      } as StationPatch),
    onSuccess: () => {
      message.success(t('monitoring.edit.saved'));
      void qc.invalidateQueries({ queryKey: ['monitoring'] });
      onClose();
    },
    onError: (e) => {
      const unplaced = e instanceof ApiError ? applyFieldErrors(form, e) : [];
      if (!(e instanceof ApiError) || e.errors.length === 0 || unplaced.length > 0)
        setError(
          [errorMessage(e, t), ...unplaced.map((u) => `${u.path}: ${u.message}`)].join(t('common.clauseSeparator')),
        );
      else setError(null);
    },
  });
  const req = [{ required: true, whitespace: true, message: t('monitoring.form.required') }];
  const clearPassword = Form.useWatch('clearPassword', form);
  return (
    <Modal
      open
      title={t('monitoring.edit.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('monitoring.edit.save')}
      confirmLoading={save.isPending}
      // wide enough for a factor row with the full name of its standard (《陶瓷工业污染物排放标准》GB 25464-2010 表 5)
      width={1040}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        data-testid="station-edit-form"
        initialValues={{
          name: station.name,
          password: '',
          clearPassword: false,
          edition: station.edition,
          outletKind: station.outletKind,
          outletCode: station.outletCode,
          outletName: station.outletName,
          outletLocation: station.outletLocation,
          rtdIntervalSeconds: station.rtdIntervalSeconds,
          minIntervalMinutes: station.minIntervalMinutes,
          crcModes: station.crcModes,
          factors: station.factors.map((f) => ({
            code: f.code,
            upperLimit: f.upperLimit,
            lowerLimit: f.lowerLimit,
            unit: f.unit,
            standard: f.standard,
            rangeMax: f.rangeMax,
          })),
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <Form.Item label={t('monitoring.mn')} extra={t('monitoring.edit.mnFixed')}>
          <Typography.Text code data-testid="station-edit-mn">
            {station.mn}
          </Typography.Text>
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="name" label={t('monitoring.form.name')} rules={req}>
            <Input style={{ width: 260 }} maxLength={60} />
          </Form.Item>
          <Form.Item name="password" label={t('monitoring.edit.newPassword')} extra={t('monitoring.edit.passwordKeep')}>
            <Input style={{ width: 200 }} maxLength={16} disabled={clearPassword === true} autoComplete="off" />
          </Form.Item>
          <Form.Item name="clearPassword" valuePropName="checked" label=" ">
            <Checkbox>{t('monitoring.edit.clearPassword')}</Checkbox>
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="edition" label={t('monitoring.edition')}>
            <Select style={{ width: 160 }} options={EDITION_OPTIONS} />
          </Form.Item>
          <Form.Item name="rtdIntervalSeconds" label={t('monitoring.edit.rtdInterval')}>
            <InputNumber min={30} max={3600} precision={0} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="minIntervalMinutes" label={t('monitoring.edit.minInterval')}>
            <InputNumber min={1} max={30} precision={0} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="crcModes" label={t('monitoring.edit.crcModes')} extra={t('monitoring.edit.crcModesHelp')}>
            <Select
              mode="multiple"
              allowClear
              style={{ width: 300 }}
              options={[
                { value: 'modbus-le', label: t('monitoring.edit.crc.modbus-le') },
                { value: 'modbus-be', label: t('monitoring.edit.crc.modbus-be') },
                { value: 'none', label: t('monitoring.edit.crc.none') },
              ]}
            />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="outletKind" label={t('monitoring.form.outletKind')}>
            <Select style={{ width: 160 }} options={outletKindOptions(t)} />
          </Form.Item>
          <Form.Item name="outletCode" label={t('monitoring.form.outletCode')}>
            <Input style={{ width: 160 }} maxLength={30} />
          </Form.Item>
          <Form.Item name="outletName" label={t('monitoring.form.outletName')}>
            <Input style={{ width: 260 }} maxLength={60} />
          </Form.Item>
        </Space>
        <Form.Item name="outletLocation" label={t('monitoring.form.outletLocation')}>
          <Input maxLength={100} placeholder={t('monitoring.form.outletLocationPlaceholder')} />
        </Form.Item>
        <SectionTitle>{t('monitoring.factors')}</SectionTitle>
        <Form.List name="factors">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap data-testid="station-edit-factor">
                  <Form.Item name={[f.name, 'code']} label={t('monitoring.form.factorCode')} rules={req}>
                    <Input style={{ width: 100 }} placeholder="a21026" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'lowerLimit']} label={t('monitoring.edit.lowerLimit')}>
                    <InputNumber style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'upperLimit']} label={t('monitoring.form.upperLimit')}>
                    <InputNumber min={0} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} label={t('monitoring.unit')}>
                    <Input style={{ width: 80 }} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'rangeMax']} label={t('monitoring.edit.rangeMax')}>
                    <InputNumber style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'standard']} label={t('monitoring.standard')}>
                    <Input
                      style={{ width: 420 }}
                      maxLength={120}
                      placeholder="《锅炉大气污染物排放标准》GB 13271-2014 表 2"
                    />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <RemoveRowButton label={t('monitoring.edit.removeFactor')} onClick={() => remove(f.name)} />
                  ) : null}
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
