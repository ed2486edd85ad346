import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/errors.ts';
import { useMessage } from '../../components/feedback.tsx';
import {
  answerConcern,
  type Concern,
  concernToPetition,
  publishConcern,
  receptionKeys,
  resolveConcern,
} from './api.ts';

type Action = 'answer' | 'resolve' | 'publish' | 'petition' | null;

/** The steps a clerk takes on one concern: answer (accept or not), resolve, publish, convert. */
export function ConcernActions({ concern, canWrite }: { concern: Concern; canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const showError = useShowError();
  const message = useMessage();
  const [action, setAction] = useState<Action>(null);
  const [form] = Form.useForm();
  const done = () => {
    setAction(null);
    form.resetFields();
    void qc.invalidateQueries({ queryKey: receptionKeys.all });
    void qc.invalidateQueries({ queryKey: ['figures'] });
    message.success(t('common.saved'));
  };
  const m = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      const version = concern.version;
      if (action === 'answer')
        return answerConcern(concern.id, {
          answer: String(v.answer),
          accepted: v.accepted === true,
          ...(v.followUpName ? { followUpName: String(v.followUpName) } : {}),
          version,
        });
      if (action === 'resolve') return resolveConcern(concern.id, { resolution: String(v.resolution), version });
      if (action === 'publish')
        return publishConcern(concern.id, {
          published: !concern.published,
          ...(v.caseTitle ? { caseTitle: String(v.caseTitle) } : {}),
          version,
        });
      if (action === 'petition')
        return concernToPetition(concern.id, {
          type: v.type as 'claim',
          title: String(v.title),
          petitionerPhone: String(v.phone),
          version,
        });
      return undefined;
    },
    onSuccess: done,
    onError: showError,
  });
  if (!canWrite) return null;
  const open = (a: Action) => {
    form.resetFields();
    setAction(a);
  };
  return (
    <>
      <Space wrap size={4}>
        {!concern.answeredAt ? (
          <Button size="small" type="primary" onClick={() => open('answer')} data-testid="concern-answer">
            {t('svc.reception.answer')}
          </Button>
        ) : null}
        {concern.status === 'open' && concern.accepted ? (
          <Button size="small" type="primary" onClick={() => open('resolve')} data-testid="concern-resolve">
            {t('svc.reception.resolve')}
          </Button>
        ) : null}
        {concern.answeredAt ? (
          <Button size="small" onClick={() => open('publish')}>
            {concern.published ? t('svc.reception.unpublish') : t('svc.reception.publish')}
          </Button>
        ) : null}
        {!concern.petitionId ? (
          <Button size="small" onClick={() => open('petition')}>
            {t('svc.reception.toPetition')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(`svc.reception.${action === 'petition' ? 'toPetition' : action}`) : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        confirmLoading={m.isPending}
        destroyOnHidden
      >
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <span>{concern.description}</span>
        </Flex>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => m.mutate(v)}
          initialValues={{ accepted: true, type: 'claim', caseTitle: concern.caseTitle ?? '' }}
        >
          {action === 'answer' ? (
            <>
              <Form.Item
                name="answer"
                label={t('svc.reception.answerText')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea rows={3} data-testid="concern-answer-text" />
              </Form.Item>
              <Form.Item name="accepted" label={t('svc.reception.accepted')}>
                <Radio.Group
                  options={[
                    { value: true, label: t('svc.reception.accept') },
                    { value: false, label: t('svc.reception.notAccept') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="followUpName" label={t('svc.reception.followUp')}>
                <Input maxLength={50} />
              </Form.Item>
            </>
          ) : null}
          {action === 'resolve' ? (
            <Form.Item
              name="resolution"
              label={t('svc.reception.resolution')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={3} data-testid="concern-resolution-text" />
            </Form.Item>
          ) : null}
          {action === 'publish' && !concern.published ? (
            <Form.Item name="caseTitle" label={t('svc.reception.caseTitle')} rules={[{ required: true, min: 2 }]}>
              <Input maxLength={100} />
            </Form.Item>
          ) : null}
          {action === 'petition' ? (
            <>
              <Form.Item name="type" label={t('svc.reception.petitionType')}>
                <Select
                  options={[
                    { value: 'suggestion', label: t('svc.reception.petitionSuggestion') },
                    { value: 'accusation', label: t('svc.reception.petitionAccusation') },
                    { value: 'claim', label: t('svc.reception.petitionClaim') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="title" label={t('svc.reception.petitionTitle')} rules={[{ required: true, min: 4 }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="phone" label={t('svc.common.phone')} rules={[{ required: true }]}>
                <Input maxLength={20} />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
