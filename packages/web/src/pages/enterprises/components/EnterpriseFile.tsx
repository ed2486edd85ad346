import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { canAccess, PERMISSIONS } from '../../../access.ts';
import type { Enterprise } from '../../../api/types.ts';
import { useAuth } from '../../../auth/auth.tsx';
import { EnterpriseAuditList } from './EnterpriseAuditList.tsx';
import { EnterpriseBasicInfo } from './EnterpriseBasicInfo.tsx';

/** 一企一档: the tabs of one enterprise's file, for staff and for the enterprise itself. */
export function EnterpriseFile({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const { roles } = useAuth();
  return (
    <Tabs
      defaultActiveKey="basic"
      destroyOnHidden
      items={[
        {
          key: 'basic',
          label: t('enterprise.detail.tabBasic'),
          children: (
            <EnterpriseBasicInfo enterprise={enterprise} canUnmask={canAccess(roles, PERMISSIONS.enterpriseUnmask)} />
          ),
        },
        ...(canAccess(roles, PERMISSIONS.enterpriseAuditRead)
          ? [
              {
                key: 'audit',
                label: t('enterprise.detail.tabAudit'),
                children: <EnterpriseAuditList enterpriseId={enterprise.id} />,
              },
            ]
          : []),
      ]}
    />
  );
}
