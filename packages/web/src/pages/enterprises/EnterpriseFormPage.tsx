import { DeleteOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { checkUscc } from '@qingshan/core/uscc';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { applyFieldErrors, errorMessage, useShowError } from '../../api/errors.ts';
import { ApiError, type FieldError } from '../../api/http.ts';
import type { Contact, Enterprise, EnterpriseCreate } from '../../api/types.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import {
  coreLang,
  creditOptions,
  industryClassOptions,
  industryMatches,
  statusOptions,
  tagOptions,
  townOptions,
} from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { createEnterprise, enterpriseKeys, getEnterprise, unmaskContacts, updateEnterprise } from './api.ts';
import {
  changedPaths,
  checkPayload,
  createPayload,
  type EnterpriseFormValues,
  patchPayload,
  toBody,
  toFormValues,
} from './formModel.ts';

/** New enterprise (`/staff/enterprises/new`) or edit one (`/staff/enterprises/:id/edit`). */
export default function EnterpriseFormPage() {
  const { id } = useParams();
  const existing = useQuery({
    queryKey: enterpriseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getEnterprise(id ?? '', signal),
    enabled: id !== undefined,
  });
  if (id === undefined) return <EnterpriseForm enterprise={null} />;
  if (existing.isPending) return <PageLoading />;
  if (existing.isError) return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  return <EnterpriseForm enterprise={existing.data} />;
}

function EnterpriseForm({ enterprise }: { enterprise: Enterprise | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const mode = enterprise ? 'edit' : 'create';
  const initialValues = useMemo(() => toFormValues(enterprise), [enterprise]);
  // In an edit, contacts arrive masked; they become editable once the full numbers are fetched.
  const [baselineContacts, setBaselineContacts] = useState<Contact[] | null>(enterprise ? null : []);
  const contactsEditable = baselineContacts !== null;
  const [usccCheckFailed, setUsccCheckFailed] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const override = Form.useWatch('usccOverride', form);

  const unmask = useMutation({
    mutationFn: () => unmaskContacts(enterprise?.id ?? ''),
    onSuccess: ({ contacts }) => {
      setBaselineContacts(contacts);
      form.setFieldValue(
        'contacts',
        contacts.map((c) => ({ name: c.name, phone: c.phone, role: c.role ?? '' })),
      );
    },
    onError: showError,
  });

  const save = useMutation({
    mutationFn: (payload: Record<string, unknown>) =>
      enterprise
        ? updateEnterprise(enterprise.id, { ...(payload as Partial<EnterpriseCreate>), version: enterprise.version })
        : createEnterprise(payload as unknown as EnterpriseCreate),
    onSuccess: (saved) => {
      queryClient.setQueryData(enterpriseKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
      void message.success(enterprise ? t('common.saved') : t('enterprise.form.created'));
      navigate(`/staff/enterprises/${encodeURIComponent(saved.id)}`);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setFormErrors([errorMessage(e, t)]);
        return;
      }
      const unplaced = showFieldErrors(e.errors);
      if (e.code === 'USCC_INVALID') {
        const check = checkUscc(String(form.getFieldValue('uscc') ?? ''));
        if (!check.ok && check.rule === 'check') setUsccCheckFailed(true);
        if (e.errors.length === 0) form.setFields([{ name: 'uscc', errors: [errorMessage(e, t)] }]);
      } else if (e.code === 'ENTERPRISE_DUPLICATE_USCC') {
        form.setFields([{ name: 'uscc', errors: [errorMessage(e, t)] }]);
      } else if (e.errors.length === 0 || unplaced.length > 0) {
        setFormErrors([errorMessage(e, t), ...unplaced.map((u) => (u.path ? `${u.path}: ${u.message}` : u.message))]);
      }
    },
  });

  /** Field errors beside their fields; returns those with no field on screen. */
  function showFieldErrors(errors: FieldError[]): FieldError[] {
    const unplaced = applyFieldErrors(form, errors);
    const first = errors[0];
    if (first) form.scrollToField(first.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
    // The override reason is asked for in the box the hint below points to.
    return unplaced.filter((u) => u.path !== 'usccOverrideReason');
  }

  /**
   * Errors come from the checks run on save (the form has no antd rules), so antd never clears
   * them: once the user changes a field, its red message is stale and goes.
   */
  function clearStaleErrors(changed: Record<string, unknown>) {
    const paths = changedPaths(changed);
    // a half-filled location is reported on whichever of the pair is empty
    if (paths.some((p) => p[0] === 'location')) paths.push(['location', 'lat'], ['location', 'lng']);
    const stale = paths.filter((name) => form.getFieldError(name as never).length > 0);
    if (stale.length > 0) form.setFields(stale.map((name) => ({ name: name as never, errors: [] })));
  }

  const onFinish = () => {
    setFormErrors([]);
    const values = form.getFieldsValue(true) as EnterpriseFormValues;
    const { body, errors } = toBody(values, {
      includeContacts: contactsEditable,
      latLngMessage: t('enterprise.form.latLngTogether'),
    });
    let payload: Record<string, unknown>;
    if (enterprise) {
      const { body: initial } = toBody(
        { ...toFormValues(enterprise), contacts: baselineContacts ?? [] },
        { includeContacts: contactsEditable, latLngMessage: '' },
      );
      payload = patchPayload(initial, body);
    } else {
      payload = createPayload(body);
    }
    const check = checkPayload(payload, mode, coreLang(lang));
    if (check.usccCheckFailed) setUsccCheckFailed(true);
    const all = [...errors, ...check.errors];
    if (all.length > 0) {
      const unplaced = showFieldErrors(all);
      if (unplaced.length > 0) setFormErrors(unplaced.map((u) => (u.path ? `${u.path}: ${u.message}` : u.message)));
      return;
    }
    if (enterprise && Object.keys(payload).length === 0) {
      navigate(`/staff/enterprises/${encodeURIComponent(enterprise.id)}`);
      return;
    }
    save.mutate(payload);
  };

  const half = { xs: 24, md: 12 };
  return (
    <PageContainer
      title={enterprise ? `${t('enterprise.form.editTitle')} · ${enterprise.name}` : t('enterprise.form.createTitle')}
    >
      <Form<EnterpriseFormValues>
        form={form}
        layout="vertical"
        name="enterprise"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed) => clearStaleErrors(changed)}
        scrollToFirstError
        data-testid="enterprise-form"
        style={{ maxWidth: 1000 }}
      >
        {formErrors.length > 0 ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('errors.fieldErrorsTitle')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {formErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Card title={t('enterprise.detail.tabBasic')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item label={t('enterprise.fields.name')} name="name" required>
                <Input maxLength={100} data-testid="enterprise-name" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('enterprise.fields.uscc')} name="uscc" required>
                <Input
                  maxLength={18}
                  style={{ fontFamily: 'monospace', textTransform: 'uppercase' }}
                  data-testid="enterprise-uscc"
                />
              </Form.Item>
            </Col>
            {usccCheckFailed ? (
              <Col span={24}>
                <Alert
                  type="warning"
                  showIcon
                  title={t('enterprise.form.usccCheckFailedHint')}
                  style={{ marginBottom: 12 }}
                />
                <Form.Item name="usccOverride" valuePropName="checked">
                  <Checkbox data-testid="uscc-override">{t('enterprise.form.overrideConfirm')}</Checkbox>
                </Form.Item>
                {override ? (
                  <Form.Item label={t('enterprise.fields.usccOverrideReason')} name="usccOverrideReason" required>
                    <Input.TextArea
                      rows={2}
                      maxLength={200}
                      showCount
                      placeholder={t('enterprise.form.overrideReasonPlaceholder')}
                      data-testid="uscc-override-reason"
                    />
                  </Form.Item>
                ) : null}
              </Col>
            ) : null}
            <Col {...half}>
              <Form.Item label={t('enterprise.fields.legalRepresentative')} name="legalRepresentative">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('enterprise.fields.town')} name="townCode" required>
                <Select options={townOptions(lang)} data-testid="enterprise-town" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label={t('enterprise.fields.address')} name="address" required>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label={t('enterprise.fields.industry')} name="industryCode" required>
                <Select
                  showSearch={{ filterOption: industryMatches }}
                  options={industryClassOptions(lang)}
                  placeholder={t('enterprise.list.industryPlaceholder')}
                  data-testid="enterprise-industry"
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('enterprise.fields.status')} name="status">
                <Select options={statusOptions(lang)} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                label={t('enterprise.fields.creditGrade')}
                name="creditGrade"
                extra={mode === 'edit' ? t('enterprise.form.creditGradeViaCredit') : undefined}
              >
                <Select allowClear disabled={mode === 'edit'} options={creditOptions(lang)} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label={t('enterprise.fields.tags')} name="tags">
                <Select mode="multiple" allowClear options={tagOptions(lang)} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('enterprise.fields.lat')} name={['location', 'lat']}>
                <InputNumber style={{ width: '100%' }} step={0.000001} placeholder="27.88" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label={t('enterprise.fields.lng')} name={['location', 'lng']}>
                <InputNumber style={{ width: '100%' }} step={0.000001} placeholder="113.80" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('enterprise.fields.contacts')} style={{ marginBottom: 16 }}>
          {contactsEditable ? (
            <Form.List name="contacts">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((field, index) => (
                    <Space key={field.key} align="start" wrap>
                      <Form.Item
                        label={`${t('enterprise.fields.contactName')} ${index + 1}`}
                        name={[field.name, 'name']}
                        required
                      >
                        <Input maxLength={50} />
                      </Form.Item>
                      <Form.Item
                        label={`${t('enterprise.fields.contactPhone')} ${index + 1}`}
                        name={[field.name, 'phone']}
                        required
                      >
                        <Input maxLength={20} inputMode="tel" />
                      </Form.Item>
                      <Form.Item
                        label={`${t('enterprise.fields.contactRole')} ${index + 1}`}
                        name={[field.name, 'role']}
                      >
                        <Input maxLength={30} />
                      </Form.Item>
                      <Form.Item label=" ">
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={`${t('enterprise.form.removeContact')} ${index + 1}`}
                          onClick={() => remove(field.name)}
                        />
                      </Form.Item>
                    </Space>
                  ))}
                  <div>
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add({ name: '', phone: '', role: '' })}
                      disabled={fields.length >= 10}
                    >
                      {t('enterprise.form.addContact')}
                    </Button>
                  </div>
                </Flex>
              )}
            </Form.List>
          ) : (
            <Flex vertical gap={8} align="start">
              <Alert type="info" showIcon title={t('enterprise.form.contactsLocked')} />
              <ul style={{ margin: 0 }}>
                {(enterprise?.contacts ?? []).map((c) => (
                  <li key={`${c.name}-${c.phone}`}>
                    {c.name} <code>{c.phone}</code> {c.role ?? ''}
                  </li>
                ))}
              </ul>
              <Button icon={<EyeOutlined />} loading={unmask.isPending} onClick={() => unmask.mutate()}>
                {t('enterprise.form.unlockContacts')}
              </Button>
            </Flex>
          )}
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="enterprise-save">
            {t('common.save')}
          </Button>
          <ButtonLink
            to={enterprise ? `/staff/enterprises/${encodeURIComponent(enterprise.id)}` : '/staff/enterprises'}
          >
            {t('common.cancel')}
          </ButtonLink>
        </Space>
      </Form>
    </PageContainer>
  );
}
