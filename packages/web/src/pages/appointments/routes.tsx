import { CalendarOutlined, ClockCircleOutlined, FileTextOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

// 预约/延时服务: citizens book and look up without an account; staff run the window; enterprises see theirs.
export const appointmentRoutes: AppRoute[] = [
  {
    path: '/appointments',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./BookAppointmentPage.tsx')),
    home: {
      titleKey: 'appointments.homeBookTitle',
      descKey: 'appointments.homeBookDesc',
      icon: <CalendarOutlined />,
      order: 40,
      testId: 'home-book',
    },
  },
  {
    path: '/appointments/lookup',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./LookupAppointmentPage.tsx')),
    home: {
      titleKey: 'appointments.homeLookupTitle',
      descKey: 'appointments.homeLookupDesc',
      icon: <ScheduleOutlined />,
      order: 50,
      testId: 'home-lookup',
    },
  },
  {
    path: '/staff/appointments',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./WindowDayPage.tsx')),
    menu: { labelKey: 'menu.windowBookings', icon: <ScheduleOutlined />, group: 'service', order: 10 },
  },
  {
    path: '/staff/appointment-services',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./ServicesPage.tsx')),
    menu: { labelKey: 'menu.appointmentServices', icon: <ClockCircleOutlined />, group: 'service', order: 20 },
  },
  {
    path: '/enterprise/appointments',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./MyAppointmentsPage.tsx')),
    menu: { labelKey: 'menu.myAppointments', icon: <FileTextOutlined />, order: 40 },
  },
];
