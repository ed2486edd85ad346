import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const PATHS = {
  draws: '/staff/inspections',
  plans: '/staff/inspections/plans',
  objects: '/staff/inspections/objects',
  inspectors: '/staff/inspections/inspectors',
} as const;

/** 双随机's pages: draws, plans and the two libraries they draw from. */
export function InspectionsNav({ current }: { current: keyof typeof PATHS }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Segmented
      value={current}
      onChange={(k) => void navigate(PATHS[k as keyof typeof PATHS])}
      options={(Object.keys(PATHS) as (keyof typeof PATHS)[]).map((k) => ({
        value: k,
        label: t(`inspections.nav.${k}`),
      }))}
    />
  );
}
