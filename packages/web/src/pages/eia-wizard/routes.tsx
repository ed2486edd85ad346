import { NodeIndexOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { EIA_WIZARD_PERMISSIONS } from './permissions.ts';

const EiaWizardPage = lazy(() => import('./EiaWizardPage.tsx'));

// One wizard, two faces: citizens and enterprises on the public portal, the window clerk in the
// staff console (helping an applicant at the counter). Both call the same public engine.
export const eiaWizardRoutes: AppRoute[] = [
  {
    path: '/eia-wizard',
    face: 'public',
    access: 'public',
    component: EiaWizardPage,
    home: {
      titleKey: 'eiaWizard.homeTitle',
      descKey: 'eiaWizard.homeDesc',
      icon: <NodeIndexOutlined />,
      order: 20,
      testId: 'home-eia-wizard',
    },
  },
  {
    path: '/staff/eia-wizard',
    face: 'staff',
    access: EIA_WIZARD_PERMISSIONS.console,
    component: EiaWizardPage,
    menu: { labelKey: 'eiaWizard.menu', icon: <NodeIndexOutlined />, group: 'approval', order: 10 },
  },
];
