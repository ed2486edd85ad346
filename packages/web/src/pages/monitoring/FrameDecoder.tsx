import { commandInfo, itemMeaning, systemInfo } from '@qingshan/hj212';
import { Alert, Descriptions, Input, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { decodeRaw, maskedView, type ServerCheck } from './decodeRaw.ts';

/**
 * Decodes an HJ 212 frame in the browser with the same codec as the gateway (packages/hj212). A
 * frame whose password the server hid (`checked.passwordHidden`) no longer has the bytes its CRC and
 * length were made over: its CRC verdict and those issues are the server's, made on the frame as
 * received (see maskedView).
 */
export function DecodedFrameView({ raw, checked }: { raw: string; checked?: ServerCheck }) {
  const { t } = useTranslation();
  const en = useLanguage() === 'en';
  const view = useMemo(() => maskedView(decodeRaw(raw), checked), [raw, checked]);
  const { frame, crcValid, issues } = view;
  // each item in words beside its code (烟尘 · 实时值), so a clerk can read a frame without the standard
  const fields = frame.fields.map((f, i) => {
    const meaning = itemMeaning(f.key, f.value);
    return { key: i, name: f.key, value: f.value, meaning: meaning ? (en ? meaning.en : meaning.zh) : '' };
  });
  const headerMeaning = (k: string, v: string) => {
    const info = k === 'CN' ? commandInfo(v) : k === 'ST' ? systemInfo(v) : undefined;
    return info ? (en ? info.en : info.zh) : null;
  };
  return (
    <div data-testid="decoded-frame">
      {view.passwordHidden ? (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          data-testid="frame-password-hidden"
          title={t('monitoring.passwordHidden')}
        />
      ) : null}
      <Descriptions size="small" column={3} bordered title={t('monitoring.header')}>
        {Object.entries(frame.header).map(([k, v]) => (
          <Descriptions.Item key={k} label={k}>
            {v}
            <HeaderMeaning text={headerMeaning(k, String(v))} />
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('monitoring.edition')}>{frame.edition ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('monitoring.crc')}>
          <Tag color={crcValid ? 'green' : 'red'} data-testid="decoded-crc">
            {frame.crc.received || '—'} {crcValid ? t('monitoring.crcOk') : t('monitoring.crcBad')}
          </Tag>
        </Descriptions.Item>
      </Descriptions>
      <SectionTitle style={{ marginTop: 12 }}>{t('monitoring.cp')}</SectionTitle>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={fields}
        columns={[
          { dataIndex: 'name', title: t('monitoring.item') },
          { dataIndex: 'value', title: t('monitoring.itemValue') },
          { dataIndex: 'meaning', title: t('monitoring.itemMeaning') },
        ]}
      />
      {issues.length > 0 ? (
        <Alert
          style={{ marginTop: 12 }}
          type={view.ok ? 'warning' : 'error'}
          title={t('monitoring.issues')}
          description={issues.join('\n')}
        />
      ) : null}
    </div>
  );
}

/** A header code's name beside it (CN 2011 取/上传污染物实时数据), when the standard has one. */
function HeaderMeaning({ text }: { text: string | null }) {
  return text ? (
    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
      {text}
    </Typography.Text>
  ) : null;
}

/** A box to paste any frame into and see it decoded. */
export function FrameDecoder({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const [raw, setRaw] = useState(initial);
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('monitoring.decodeHint')}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        aria-label={t('monitoring.rawFrame')}
        value={raw}
        onChange={(e) => setRaw(e.target.value)}
        style={{ fontFamily: 'monospace' }}
        data-testid="frame-input"
      />
      {raw.trim() ? (
        <div style={{ marginTop: 12 }}>
          <DecodedFrameView raw={raw} />
        </div>
      ) : null}
    </div>
  );
}
