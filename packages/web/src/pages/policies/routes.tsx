import { NotificationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';
import { POLICY_PERMISSIONS } from './permissions.ts';

// 政策宣传: public list, detail and feed; the bureau writes, publishes and measures the reach; the
// enterprise reads what was pushed to it, subscribes and asks.
const Detail = lazy(() => import('./PolicyDetailPage.tsx'));
const Form = lazy(() => import('./PolicyFormPage.tsx'));

export const policyRoutes: AppRoute[] = [
  {
    path: '/policies',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./PublicPolicyListPage.tsx')),
    home: {
      titleKey: 'policies.homeTitle',
      descKey: 'policies.homeDesc',
      icon: <NotificationOutlined />,
      order: 120,
      testId: 'home-policies',
    },
  },
  {
    path: '/policies/subscription',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./SubscriptionPage.tsx')),
  },
  { path: '/policies/:id', face: 'public', access: 'public', component: Detail },
  {
    path: '/staff/policies',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./StaffPolicyListPage.tsx')),
    menu: { labelKey: 'policies.menu', icon: <NotificationOutlined />, group: 'service', order: 90 },
  },
  { path: '/staff/policies/new', face: 'staff', access: POLICY_PERMISSIONS.desk, component: Form },
  {
    path: '/staff/policies/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./StaffPolicyDetailPage.tsx')),
  },
  { path: '/staff/policies/:id/edit', face: 'staff', access: POLICY_PERMISSIONS.desk, component: Form },
  {
    path: '/enterprise/policies',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./MyPoliciesPage.tsx')),
    menu: { labelKey: 'policies.myMenu', icon: <NotificationOutlined />, order: 60 },
  },
  {
    path: '/enterprise/policies/subscription',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./SubscriptionPage.tsx')),
  },
  { path: '/enterprise/policies/:id', face: 'enterprise', access: PERMISSIONS.ownEnterprise, component: Detail },
];
