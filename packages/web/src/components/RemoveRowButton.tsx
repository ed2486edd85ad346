import { MinusCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Removes one row of a repeated group (a follow-up, an attendee, a factor). A real button, so it is
 * reached by Tab and pressed by Enter, and named for screen readers; a bare icon with onClick was
 * neither.
 */
export function RemoveRowButton({ onClick, label }: { onClick: () => void; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button
      type="text"
      size="small"
      icon={<MinusCircleOutlined />}
      aria-label={label ?? t('common.removeRow')}
      onClick={onClick}
    />
  );
}
