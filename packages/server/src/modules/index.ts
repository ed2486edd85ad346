import type { ModuleDefinition } from '../platform/module.ts';
import { alarmsModule } from './alarms/index.ts';
import { applicationsModule } from './applications/index.ts';
import { appointmentsModule } from './appointments/index.ts';
import { auditModule } from './audit/index.ts';
import { authModule } from './auth/index.ts';
import { backupModule } from './backup/index.ts';
import { bookingLimitsModule } from './booking-limits/index.ts';
import { calendarModule } from './calendar/index.ts';
import { clocksModule } from './clocks/index.ts';
import { cluesModule } from './clues/index.ts';
import { creditModule } from './credit/index.ts';
import { disclosureModule } from './disclosure/index.ts';
import { eiaModule } from './eia/index.ts';
import { eiaClassificationModule } from './eia-classification/index.ts';
import { electricityModule } from './electricity/index.ts';
import { enterpriseFileModule } from './enterprise-file/index.ts';
import { enterprisesModule } from './enterprises/index.ts';
import { figuresModule } from './figures/index.ts';
import { healthModule } from './health/index.ts';
import { incidentsModule } from './incidents/index.ts';
import { inspectionsModule } from './inspections/index.ts';
import { jobsModule } from './jobs/index.ts';
import { mattersModule } from './matters/index.ts';
import { monitoringModule } from './monitoring/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { periodReportModule } from './period-report/index.ts';
import { permitsModule } from './permits/index.ts';
import { petitionsModule } from './petitions/index.ts';
import { phoneCodesModule } from './phone-codes/index.ts';
import { policiesModule } from './policies/index.ts';
import { positiveListModule } from './positive-list/index.ts';
import { projectsModule } from './projects/index.ts';
import { ratingsModule } from './ratings/index.ts';
import { receptionModule } from './reception/index.ts';
import { referenceModule } from './reference/index.ts';
import { reportsModule } from './reports/index.ts';
import { rulesModule } from './rules/index.ts';
import { schedulerModule } from './scheduler/index.ts';
import { siteInspectionsModule } from './site-inspections/index.ts';
import { usersModule } from './users/index.ts';
import { visitsModule } from './visits/index.ts';
import { worklistModule } from './worklist/index.ts';

/**
 * The platform's modules, in the order their routes register and their demo data is seeded
 * (a module's seed may use records of the modules before it). Adding a module is one line here.
 */
export const MODULES: readonly ModuleDefinition[] = [
  healthModule,
  referenceModule,
  authModule,
  usersModule,
  backupModule,
  enterprisesModule,
  jobsModule,
  auditModule,
  rulesModule,
  mattersModule,
  eiaClassificationModule,
  calendarModule,
  clocksModule,
  worklistModule,
  notificationsModule,
  bookingLimitsModule,
  appointmentsModule,
  petitionsModule,
  phoneCodesModule,
  policiesModule,
  disclosureModule,
  reportsModule,
  ratingsModule,
  receptionModule,
  visitsModule,
  alarmsModule,
  electricityModule,
  projectsModule,
  permitsModule,
  applicationsModule,
  eiaModule,
  monitoringModule,
  positiveListModule,
  incidentsModule,
  inspectionsModule,
  cluesModule,
  creditModule,
  enterpriseFileModule,
  siteInspectionsModule,
  figuresModule,
  schedulerModule,
  periodReportModule,
];
