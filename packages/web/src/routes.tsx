// The central route table: every page, its lazy component, its menu entry and who may open it.
// App.tsx builds the router from it; the Sider menu and the login redirect read it too.
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CarOutlined,
  CarryOutOutlined,
  ClockCircleOutlined,
  CloudUploadOutlined,
  DesktopOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  KeyOutlined,
  LikeOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SendOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { type Access, type Face, PERMISSIONS, STAFF_ROLES } from './access.ts';

export interface AppRoute {
  /** Absolute path; static segments before `:param` ones, since the first match wins. */
  path: string;
  face: Face;
  access: Access;
  component: LazyExoticComponent<ComponentType>;
  /** Present when the route is an entry of its face's Sider menu. */
  /** `badge` names a count drawn by ConsoleLayout (MenuBadges uses antd, kept off the home's load). */
  menu?: { labelKey: ParseKeys; icon: ReactNode; badge?: 'worklist' | 'inbox' };
}

export const routes: AppRoute[] = [
  {
    path: '/',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/home/HomePage.tsx')),
  },
  {
    path: '/login',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/login/LoginPage.tsx')),
  },
  {
    path: '/staff/enterprises',
    face: 'staff',
    access: PERMISSIONS.enterpriseRead,
    component: lazy(() => import('./pages/enterprises/EnterpriseListPage.tsx')),
    menu: { labelKey: 'menu.enterprises', icon: <ShopOutlined /> },
  },
  {
    path: '/staff/enterprises/new',
    face: 'staff',
    access: PERMISSIONS.enterpriseWrite,
    component: lazy(() => import('./pages/enterprises/EnterpriseFormPage.tsx')),
  },
  {
    path: '/staff/enterprises/import',
    face: 'staff',
    access: PERMISSIONS.enterpriseImport,
    component: lazy(() => import('./pages/enterprises/EnterpriseImportPage.tsx')),
    menu: { labelKey: 'menu.enterpriseImport', icon: <CloudUploadOutlined /> },
  },
  {
    path: '/staff/enterprises/:id',
    face: 'staff',
    access: PERMISSIONS.enterpriseRead,
    component: lazy(() => import('./pages/enterprises/EnterpriseDetailPage.tsx')),
  },
  {
    path: '/staff/enterprises/:id/edit',
    face: 'staff',
    access: PERMISSIONS.enterpriseWrite,
    component: lazy(() => import('./pages/enterprises/EnterpriseFormPage.tsx')),
  },
  {
    path: '/staff/admin/users',
    face: 'staff',
    access: PERMISSIONS.userAdmin,
    component: lazy(() => import('./pages/admin/users/UsersPage.tsx')),
    menu: { labelKey: 'menu.users', icon: <TeamOutlined /> },
  },
  {
    path: '/staff/admin/audit',
    face: 'staff',
    access: PERMISSIONS.auditRead,
    component: lazy(() => import('./pages/admin/audit/AuditPage.tsx')),
    menu: { labelKey: 'menu.audit', icon: <AuditOutlined /> },
  },
  {
    path: '/staff/worklist',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/worklist/WorklistPage.tsx')),
    menu: { labelKey: 'menu.worklist', icon: <CarryOutOutlined />, badge: 'worklist' },
  },
  {
    path: '/staff/inbox',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/inbox/InboxPage.tsx')),
    menu: { labelKey: 'menu.inbox', icon: <BellOutlined />, badge: 'inbox' },
  },
  {
    path: '/staff/deadline-calculator',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/calendar/DeadlineCalculatorPage.tsx')),
    menu: { labelKey: 'menu.calculator', icon: <CalculatorOutlined /> },
  },
  {
    path: '/staff/rules',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/rules/RulesPage.tsx')),
    menu: { labelKey: 'menu.rules', icon: <ProfileOutlined /> },
  },
  {
    path: '/staff/admin/matters',
    face: 'staff',
    access: PERMISSIONS.matterAdmin,
    component: lazy(() => import('./pages/matters/MatterAdminPage.tsx')),
    menu: { labelKey: 'menu.matters', icon: <ReadOutlined /> },
  },
  {
    path: '/staff/admin/calendar',
    face: 'staff',
    access: PERMISSIONS.calendarAdmin,
    component: lazy(() => import('./pages/calendar/CalendarYearsPage.tsx')),
    menu: { labelKey: 'menu.calendarYears', icon: <CalendarOutlined /> },
  },
  {
    path: '/staff/admin/deliveries',
    face: 'staff',
    access: PERMISSIONS.deliveriesRead,
    component: lazy(() => import('./pages/notifications/DeliveriesPage.tsx')),
    menu: { labelKey: 'menu.deliveries', icon: <SendOutlined /> },
  },
  {
    path: '/staff/notifications',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/notifications/PreferencesPage.tsx')),
    menu: { labelKey: 'menu.notificationPrefs', icon: <NotificationOutlined /> },
  },
  {
    path: '/staff/account',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/account/ChangePasswordPage.tsx')),
    menu: { labelKey: 'menu.account', icon: <KeyOutlined /> },
  },
  {
    path: '/enterprise/my',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./pages/enterprise-portal/MyEnterprisePage.tsx')),
    menu: { labelKey: 'menu.myEnterprise', icon: <BankOutlined /> },
  },
  {
    path: '/enterprise/worklist',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./pages/worklist/WorklistPage.tsx')),
    menu: { labelKey: 'menu.worklist', icon: <CarryOutOutlined />, badge: 'worklist' },
  },
  {
    path: '/enterprise/inbox',
    face: 'enterprise',
    access: PERMISSIONS.ownMessages,
    component: lazy(() => import('./pages/inbox/InboxPage.tsx')),
    menu: { labelKey: 'menu.inbox', icon: <BellOutlined />, badge: 'inbox' },
  },
  {
    path: '/enterprise/notifications',
    face: 'enterprise',
    access: PERMISSIONS.ownMessages,
    component: lazy(() => import('./pages/notifications/PreferencesPage.tsx')),
    menu: { labelKey: 'menu.notificationPrefs', icon: <NotificationOutlined /> },
  },
  {
    path: '/enterprise/account',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./pages/account/ChangePasswordPage.tsx')),
    menu: { labelKey: 'menu.account', icon: <KeyOutlined /> },
  },
  // 服 part A: appointments (预约/延时服务), petitions (信访), ratings (好差评)
  {
    path: '/matters',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/matters/MattersPage.tsx')),
  },
  {
    path: '/matters/:code',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/matters/MatterGuidePage.tsx')),
  },
  {
    path: '/appointments',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/appointments/BookAppointmentPage.tsx')),
  },
  {
    path: '/appointments/lookup',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/appointments/LookupAppointmentPage.tsx')),
  },
  {
    path: '/petitions/submit',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/petitions/SubmitPetitionPage.tsx')),
  },
  {
    path: '/reports/submit',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/reports/SubmitReportPage.tsx')),
  },
  {
    path: '/reports/track',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/reports/TrackReportPage.tsx')),
  },
  {
    path: '/petitions/track',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/petitions/TrackPetitionPage.tsx')),
  },
  {
    path: '/staff/appointments',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/appointments/WindowDayPage.tsx')),
    menu: { labelKey: 'menu.windowBookings', icon: <ScheduleOutlined /> },
  },
  {
    path: '/staff/appointment-services',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/appointments/ServicesPage.tsx')),
    menu: { labelKey: 'menu.appointmentServices', icon: <ClockCircleOutlined /> },
  },
  {
    path: '/staff/petitions',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/petitions/PetitionListPage.tsx')),
    menu: { labelKey: 'menu.petitionDesk', icon: <AlertOutlined /> },
  },
  {
    path: '/staff/petitions/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/petitions/PetitionDetailPage.tsx')),
  },
  {
    path: '/staff/reports',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/reports/ReportListPage.tsx')),
    menu: { labelKey: 'menu.reportDesk', icon: <AlertOutlined /> },
  },
  {
    path: '/staff/reports/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/reports/ReportDetailPage.tsx')),
  },
  {
    path: '/staff/ratings',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/ratings/RatingsPage.tsx')),
    menu: { labelKey: 'menu.ratings', icon: <LikeOutlined /> },
  },
  {
    path: '/enterprise/appointments',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./pages/appointments/MyAppointmentsPage.tsx')),
    menu: { labelKey: 'menu.myAppointments', icon: <FileTextOutlined /> },
  },
  // service B: reception days, visits and campaigns, tracked projects, figures
  {
    path: '/staff/figures',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/figures/FiguresDashboardPage.tsx')),
    menu: { labelKey: 'menu.figures', icon: <BarChartOutlined /> },
  },
  {
    path: '/staff/figures/:key',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/figures/FigureRecordsPage.tsx')),
  },
  {
    path: '/staff/reception',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/reception/SessionListPage.tsx')),
    menu: { labelKey: 'menu.receptionDays', icon: <SolutionOutlined /> },
  },
  {
    path: '/staff/reception/concerns',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/reception/ConcernListPage.tsx')),
  },
  {
    path: '/staff/reception/concerns/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/reception/ConcernDetailPage.tsx')),
  },
  {
    path: '/staff/reception/sessions/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/reception/SessionDetailPage.tsx')),
  },
  {
    path: '/staff/visits',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/visits/VisitListPage.tsx')),
    menu: { labelKey: 'menu.visits', icon: <CarOutlined /> },
  },
  {
    path: '/staff/visits/new',
    face: 'staff',
    access: PERMISSIONS.enterpriseWrite,
    component: lazy(() => import('./pages/visits/VisitFormPage.tsx')),
  },
  {
    path: '/staff/visits/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/visits/VisitDetailPage.tsx')),
  },
  {
    path: '/staff/projects',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/projects/ProjectListPage.tsx')),
    menu: { labelKey: 'menu.trackedProjects', icon: <FundProjectionScreenOutlined /> },
  },
  {
    path: '/staff/projects/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/projects/ProjectDetailPage.tsx')),
  },
  {
    path: '/enterprise/reception',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./pages/reception/EnterpriseReceptionPage.tsx')),
    menu: { labelKey: 'menu.myReception', icon: <SolutionOutlined /> },
  },
  {
    path: '/enterprise/visits',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./pages/visits/MyVisitsPage.tsx')),
    menu: { labelKey: 'menu.myVisits', icon: <CarOutlined /> },
  },
  {
    path: '/reception',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./pages/reception/PublicReceptionPage.tsx')),
  },
  // issue 8 §5: each staff role's workbench (the staff home); menu groups in layouts/menuGroups.ts
  {
    path: '/staff/home',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./pages/workbench/WorkbenchPage.tsx')),
    menu: { labelKey: 'web.menu.workbench', icon: <DesktopOutlined /> },
  },
  // issue 8 §5: a signed-in citizen's messages, bookings and petitions
  {
    path: '/my',
    face: 'public',
    access: PERMISSIONS.citizenOwn,
    component: lazy(() => import('./pages/my/MyPage.tsx')),
  },
];

export const NotFoundPage = lazy(() => import('./pages/not-found/NotFoundPage.tsx'));

/** Menu entries of a face, in table order, that the given roles may open. */
export function menuRoutes(face: Face, canOpen: (access: Access) => boolean): AppRoute[] {
  return routes.filter((r) => r.face === face && r.menu && canOpen(r.access));
}
