import { CameraOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Image, Space, Tag, Typography } from 'antd';
import { cloneElement, type ReactElement, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/errors.ts';
import { useMessage } from '../../components/feedback.tsx';
import { formatDateTime } from '../../utils/datetime.ts';
import { type ClueDetail, clueFileUrl, clueKeys, uploadCluePhoto } from './api.ts';

/**
 * A clue's photos: the stored files as thumbnails (click: full size, with the others to page
 * through), the links older or video evidence carries, and, while the clue waits for its
 * verification, the officer's button to add what was photographed on site.
 */
export function CluePhotos({ d, canAdd }: { d: ClueDetail; canAdd: boolean }) {
  const { t } = useTranslation();
  const message = useMessage();
  const showError = useShowError();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const c = d.clue;
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      // one at a time: each is its own audited record, and a refusal names its file
      for (const f of files) await uploadCluePhoto(c.id, f);
    },
    onSuccess: () => message.success(t('clues.photoAdded')),
    onError: showError,
    onSettled: () => qc.invalidateQueries({ queryKey: clueKeys.detail(c.id) }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {d.files.length ? (
        <Image.PreviewGroup
          preview={{
            // the full-size photo is named by its file, as its thumbnail is (antd's preview drops the alt)
            imageRender: (node, { current }) =>
              cloneElement(node as ReactElement<{ alt?: string }>, { alt: d.files[current ?? 0]?.fileName ?? '' }),
          }}
        >
          <Flex gap={8} wrap data-testid="clue-photo-list">
            {d.files.map((f) => (
              <div key={f.id} style={{ width: 112 }}>
                <Image
                  width={112}
                  height={84}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  src={clueFileUrl(c.id, f.id)}
                  alt={f.fileName}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
                  <Tag color={f.stage === 'import' ? 'blue' : 'green'} style={{ marginInlineEnd: 4 }}>
                    {f.stage === 'import' ? t('clues.photoFromImport') : t('clues.photoFromVerification')}
                  </Tag>
                </Typography.Text>
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12 }}
                  title={`${f.fileName} · ${f.createdByName} · ${formatDateTime(f.createdAt)}`}
                  ellipsis
                >
                  {f.fileName}
                </Typography.Text>
              </div>
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {c.photos.length ? (
        <Space orientation="vertical" size={0}>
          <Typography.Text type="secondary">{t('clues.photoLinks')}</Typography.Text>
          {c.photos.map((p) => (
            <Typography.Link key={p} href={p} target="_blank" rel="noreferrer">
              {p}
            </Typography.Link>
          ))}
        </Space>
      ) : null}
      {!d.files.length && !c.photos.length ? '—' : null}
      {canAdd && c.status === 'pending' ? (
        <>
          <input
            ref={input}
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp"
            hidden
            data-testid="clue-photo-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              if (files.length) upload.mutate(files);
              e.target.value = '';
            }}
          />
          <Button icon={<CameraOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
            {t('clues.addPhoto')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('clues.photoHint')}
          </Typography.Text>
        </>
      ) : null}
    </Space>
  );
}
