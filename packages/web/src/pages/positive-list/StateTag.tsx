import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Entry } from './api.ts';

export function StateTag({ state }: { state: Entry['state'] }) {
  const { t } = useTranslation();
  const color = state === 'valid' ? 'green' : state === 'removed' ? 'red' : 'default';
  return <Tag color={color}>{t(`positiveList.${state}`)}</Tag>;
}
