import { AlertOutlined, FileSearchOutlined, FormOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

// 信访: submitted and tracked by the public, handled at the staff desk.
export const petitionRoutes: AppRoute[] = [
  {
    path: '/petitions/submit',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./SubmitPetitionPage.tsx')),
    home: {
      titleKey: 'petitions.homeSubmitTitle',
      descKey: 'petitions.homeSubmitDesc',
      icon: <FormOutlined />,
      order: 60,
      testId: 'home-petition',
    },
  },
  {
    path: '/petitions/track',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./TrackPetitionPage.tsx')),
    home: {
      titleKey: 'petitions.homeTrackTitle',
      descKey: 'petitions.homeTrackDesc',
      icon: <FileSearchOutlined />,
      order: 90,
      testId: 'home-petition-track',
    },
  },
  {
    path: '/staff/petitions',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./PetitionListPage.tsx')),
    menu: { labelKey: 'menu.petitionDesk', icon: <AlertOutlined />, group: 'service', order: 30 },
  },
  {
    path: '/staff/petitions/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./PetitionDetailPage.tsx')),
  },
];
