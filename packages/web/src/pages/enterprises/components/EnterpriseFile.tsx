import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { canAccess, isStaff, PERMISSIONS } from '../../../access.ts';
import type { Enterprise } from '../../../api/types.ts';
import { useAuth } from '../../../auth/auth.tsx';
import { EnterpriseRiskTab } from '../../credit/EnterpriseRiskTab.tsx';
import { EnterpriseTimelineTab } from '../../enterprise-file/EnterpriseTimelineTab.tsx';
import { EnterpriseIncidentsTab } from '../../incidents/EnterpriseIncidentsTab.tsx';
import { EnterpriseVisitsTab } from '../../visits/EnterpriseVisitsTab.tsx';
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
        {
          key: 'timeline',
          label: t('enterpriseFile.tab'),
          children: <EnterpriseTimelineTab enterpriseId={enterprise.id} />,
        },
        {
          key: 'incidents',
          label: t('incidents.tab'),
          children: <EnterpriseIncidentsTab enterpriseId={enterprise.id} />,
        },
        ...(isStaff(roles)
          ? [{ key: 'risk', label: t('credit.tab'), children: <EnterpriseRiskTab enterpriseId={enterprise.id} /> }]
          : []),
        {
          key: 'visits',
          label: t('svc.visits.mine'),
          children: (
            <EnterpriseVisitsTab enterpriseId={enterprise.id} linkBase={isStaff(roles) ? '/staff/visits' : null} />
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
