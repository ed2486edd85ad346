import { CLUE_AREA } from '@qingshan/core/clues';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { SITE_INSPECTION_PERMISSIONS } from '../site-inspections/permissions.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import {
  clueFromVideo,
  clueKeys,
  createVideoPoint,
  listVideoPoints,
  type VideoClueBody,
  type VideoPoint,
  type VideoPointBody,
  videoPointKeys,
} from './api.ts';
import { CLUE_PERMISSIONS } from './permissions.ts';

function RegisterForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<VideoPointBody>();
  const save = useMutation({
    mutationFn: (v: VideoPointBody) => createVideoPoint({ ...v, enterpriseId: v.enterpriseId ?? null }),
    onSuccess: () => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: videoPointKeys.all });
      void qc.invalidateQueries({ queryKey: clueKeys.map });
      message.success(t('clues.videoPointSaved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  return (
    <Card size="small" title={t('clues.videoPointNew')} style={{ marginBottom: 16 }}>
      <Form<VideoPointBody> form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ rowGap: 8 }}>
        <Form.Item name="name" rules={[{ required: true, message: t('clues.videoPointNameRequired') }]}>
          <Input placeholder={t('clues.videoPointName')} maxLength={100} data-testid="video-point-name" />
        </Form.Item>
        <Form.Item name="lat" rules={[{ required: true, message: t('clues.latRequired') }]}>
          <InputNumber placeholder={t('clues.lat')} min={CLUE_AREA.minLat} max={CLUE_AREA.maxLat} step={0.0001} />
        </Form.Item>
        <Form.Item name="lng" rules={[{ required: true, message: t('clues.lngRequired') }]}>
          <InputNumber placeholder={t('clues.lng')} min={CLUE_AREA.minLng} max={CLUE_AREA.maxLng} step={0.0001} />
        </Form.Item>
        <Form.Item name="snapshotUrl" rules={[{ required: true, message: t('clues.snapshotRequired') }]}>
          <Input placeholder={t('clues.snapshotUrl')} style={{ width: 260 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="enterpriseId">
          <EnterprisePicker
            aria-label={t('svc.common.pickEnterprise')}
            data-testid="video-point-enterprise"
            style={{ width: 240 }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('clues.videoPointSave')}
        </Button>
      </Form>
    </Card>
  );
}

function ToClueModal({ point, onClose }: { point: VideoPoint; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm<VideoClueBody>();
  const save = useMutation({
    mutationFn: (v: VideoClueBody) => clueFromVideo(point.id, { ...v, snapshotUrl: v.snapshotUrl || undefined }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: clueKeys.all });
      navigate(`/staff/clues/${encodeURIComponent(r.clue.id)}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  return (
    <Modal
      open
      title={t('clues.videoToClueTitle', { name: point.name })}
      okText={t('clues.videoToClue')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
    >
      <Form<VideoClueBody> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="description"
          label={t('clues.description')}
          rules={[{ required: true, message: t('clues.descriptionRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="video-clue-description" />
        </Form.Item>
        <Form.Item name="snapshotUrl" label={t('clues.snapshotUrl')} extra={t('clues.snapshotDefault')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 视频点位: the cameras the bureau can look through, with their snapshot links; what one saw becomes a clue. */
export function VideoPointsTab() {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const [open, setOpen] = useState<VideoPoint | null>(null);
  const q = useQuery({ queryKey: videoPointKeys.all, queryFn: ({ signal }) => listVideoPoints(signal) });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const canRegister = canAccess(roles, CLUE_PERMISSIONS.register);
  const canInspect = canAccess(roles, SITE_INSPECTION_PERMISSIONS.record);
  return (
    <>
      {canAccess(roles, CLUE_PERMISSIONS.videoPoints) ? <RegisterForm /> : null}
      <Table<VideoPoint>
        rowKey="id"
        dataSource={q.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('clues.noVideoPoints') }}
        columns={[
          { title: t('clues.videoPointName'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh') },
          {
            title: t('clues.location'),
            key: 'at',
            render: (_: unknown, v) => `${v.lat.toFixed(5)}, ${v.lng.toFixed(5)}`,
          },
          {
            title: t('clues.watchedEnterprise'),
            key: 'enterprise',
            render: (_: unknown, v) =>
              v.enterpriseId ? <Link to={`/staff/enterprises/${v.enterpriseId}`}>{v.enterpriseName}</Link> : '—',
          },
          {
            title: t('clues.snapshotUrl'),
            dataIndex: 'snapshotUrl',
            render: (u: string) => (
              <Typography.Link href={u} target="_blank" rel="noreferrer">
                {t('clues.openSnapshot')}
              </Typography.Link>
            ),
          },
          ...(canRegister || canInspect
            ? [
                {
                  title: '',
                  key: 'act',
                  render: (_: unknown, v: VideoPoint) => (
                    <Space>
                      {canRegister ? (
                        <Button size="small" onClick={() => setOpen(v)}>
                          {t('clues.videoToClue')}
                        </Button>
                      ) : null}
                      {canInspect && v.enterpriseId ? (
                        // an off-site check of the watched firm, the camera named as its source
                        <ButtonLink
                          size="small"
                          data-testid="video-inspect"
                          to={`/staff/site-inspections/new?${new URLSearchParams({
                            enterpriseId: v.enterpriseId,
                            kind: 'off-site',
                            offSiteSource: 'video',
                            sourceRef: `视频点位：${v.name}`.slice(0, 300),
                          })}`}
                        >
                          {t('clues.videoInspect')}
                        </ButtonLink>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {open ? <ToClueModal point={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
