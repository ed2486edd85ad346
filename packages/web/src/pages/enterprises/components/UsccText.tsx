import { WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The code in a fixed-width font, with a badge when it failed the check and was accepted by hand. */
export function UsccText({ uscc, valid }: { uscc: string; valid: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Typography.Text code copyable={{ text: uscc }}>
        {uscc}
      </Typography.Text>
      {valid ? null : (
        <Tooltip title={t('enterprise.list.usccOverriddenTip')}>
          <Tag color="warning" icon={<WarningOutlined />} data-testid="uscc-overridden">
            {t('enterprise.list.usccOverridden')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
