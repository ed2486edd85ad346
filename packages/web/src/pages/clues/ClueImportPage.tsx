import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { IMPORT_SOURCES, MAX_IMPORT_FEATURES, MAX_IMPORT_PHOTOS } from '@qingshan/core/clues';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { ApiError, type FieldError } from '../../api/http.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { joinLabels, useLanguage } from '../../i18n.ts';
import { type ClueImportBody, clueKeys, importClues } from './api.ts';

/** A file over this is refused before it is read (the server refuses a GeoJSON over 2 MB). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** each photo, as the server bounds it */
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

type Row = { feature: number; field: string; message: string };

/** Which feature (1-based, as the officer counts) and which of its fields an error is about. */
function rowsOf(errors: FieldError[]): Row[] {
  return errors.map((e) => {
    const m = /^geojson\.features\.(\d+)\.?(.*)$/.exec(e.path);
    return m
      ? { feature: Number(m[1]) + 1, field: m[2] ?? '', message: e.message }
      : { feature: 0, field: e.path, message: e.message };
  });
}

/** 导入巡查线索: a GeoJSON file of a drone patrol or a remote-sensing batch; all or nothing. */
export default function ClueImportPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<{ source: ClueImportBody['source']; batchName: string }>();
  const fileInput = useRef<HTMLInputElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const [geojson, setGeojson] = useState<File | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<Row[]>([]);
  const run = useMutation({
    mutationFn: (v: { source: ClueImportBody['source']; batchName: string }) =>
      // the file's content and the photos are checked by the server feature by feature; sent as chosen
      importClues(v, geojson as File, photos),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: clueKeys.all });
      message.success(t('clues.imported', { n: r.created, m: r.matched }));
      navigate('/staff/clues?view=map');
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) setErrors(rowsOf(e.errors));
      else showError(e);
    },
  });
  const readFile = async (file: File) => {
    setErrors([]);
    setGeojson(null);
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(t('clues.fileTooBig'));
      return;
    }
    try {
      JSON.parse(await file.text());
      setGeojson(file);
      setFileProblem(null);
    } catch {
      setFileProblem(t('clues.notJson'));
    }
  };
  const pickPhotos = (files: File[]) => {
    setErrors([]);
    const big = files.find((f) => f.size > MAX_PHOTO_BYTES);
    if (files.length > MAX_IMPORT_PHOTOS) setPhotoProblem(t('clues.tooManyPhotos', { n: MAX_IMPORT_PHOTOS }));
    else if (big) setPhotoProblem(t('clues.photoTooBig', { name: big.name }));
    else {
      setPhotoProblem(null);
      setPhotos(files);
    }
  };
  return (
    <PageContainer
      title={t('clues.importTitle')}
      extra={
        <ButtonLink to="/staff/clues" icon={<ArrowLeftOutlined />}>
          {t('common.back')}
        </ButtonLink>
      }
    >
      <Card>
        <Typography.Paragraph type="secondary">
          {t('clues.importHelp', { n: MAX_IMPORT_FEATURES })}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 560 }}
          initialValues={{ source: 'drone' }}
          onFinish={(v) => {
            setErrors([]);
            if (!geojson) setFileProblem(t('clues.pickFile'));
            else run.mutate(v);
          }}
        >
          <Form.Item name="source" label={t('clues.sourceLabel')} rules={[{ required: true }]}>
            <Select options={IMPORT_SOURCES.map((s) => ({ value: s, label: t(`clues.source.${s}`) }))} />
          </Form.Item>
          <Form.Item
            name="batchName"
            label={t('clues.batchName')}
            rules={[{ required: true, message: t('clues.batchNameRequired') }]}
          >
            <Input maxLength={100} placeholder={t('clues.batchNamePlaceholder')} data-testid="clue-batch-name" />
          </Form.Item>
          <Form.Item label={t('clues.file')} required>
            <Space orientation="vertical">
              <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
                {t('clues.pickFile')}
              </Button>
              <input
                ref={fileInput}
                type="file"
                accept=".geojson,.json,application/geo+json,application/json"
                style={{ display: 'none' }}
                data-testid="clue-file"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void readFile(f);
                }}
              />
              {geojson ? <Typography.Text type="success">{t('clues.fileRead')}</Typography.Text> : null}
              {fileProblem ? <Typography.Text type="danger">{fileProblem}</Typography.Text> : null}
            </Space>
          </Form.Item>
          <Form.Item label={t('clues.importPhotos')} extra={t('clues.importPhotosHint', { n: MAX_IMPORT_PHOTOS })}>
            <Space orientation="vertical">
              <Button icon={<UploadOutlined />} onClick={() => photoInput.current?.click()}>
                {t('clues.pickPhotos')}
              </Button>
              <input
                ref={photoInput}
                type="file"
                multiple
                accept="image/jpeg,image/png,image/webp"
                style={{ display: 'none' }}
                data-testid="clue-photos"
                onChange={(e) => {
                  pickPhotos([...(e.target.files ?? [])]);
                  e.target.value = '';
                }}
              />
              {photos.length ? (
                <Typography.Text data-testid="clue-photos-chosen">
                  {t('common.labelled', {
                    label: t('clues.photosChosen', { n: photos.length }),
                    value: joinLabels(
                      photos.map((p) => p.name),
                      lang,
                    ),
                  })}
                </Typography.Text>
              ) : null}
              {photoProblem ? <Typography.Text type="danger">{photoProblem}</Typography.Text> : null}
            </Space>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="clue-import-submit">
            {t('clues.importSubmit')}
          </Button>
        </Form>
        {errors.length ? (
          <>
            <Alert
              type="error"
              showIcon
              style={{ margin: '16px 0' }}
              title={t('clues.importRefused', { n: errors.length })}
            />
            <Table<Row>
              size="small"
              rowKey={(r) => `${r.feature}-${r.field}-${r.message}`}
              pagination={{ pageSize: 20 }}
              dataSource={errors}
              columns={[
                { title: t('clues.featureNo'), dataIndex: 'feature', render: (n: number) => (n ? n : '—') },
                { title: t('clues.field'), dataIndex: 'field' },
                { title: t('clues.problem'), dataIndex: 'message' },
              ]}
            />
          </>
        ) : null}
      </Card>
    </PageContainer>
  );
}
