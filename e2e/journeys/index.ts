import type { Journey } from '../harness.ts';
import { alarmAnsweredAndClosed, officerBindsMeterToHj212 } from './alarms.ts';
import { enterpriseAppliesOnline } from './applications.ts';
import { officerVerifiesClueOnMap } from './clues.ts';
import { citizenObjectsDuringPublicity, leaderSeesEiaFigures } from './eia.ts';
import { clerkRunsEiaWizard, publicEiaWizard } from './eia-classification.ts';
import {
  clerkRegistersEnterprise,
  clerkReimportsRegister,
  enterpriseUserRefused,
  issuedPasswordMustBeChanged,
} from './foundation.ts';
import { officerRegistersIncident } from './incidents.ts';
import { deadlineCalculator, provisionalCalendar, worklistPauseExtend } from './machinery.ts';
import { adminEditsServiceGuide, citizenReadsServiceGuide } from './matters.ts';
import { monitorWatchesStations } from './monitoring.ts';
import { leaderEditsPeriodReport } from './period-report.ts';
import { officerTracksPermits } from './permits.ts';
import { citizenRequestsDisclosure, clerkPublishesPolicy } from './publicity.ts';
import { citizenReportsPollution } from './reports.ts';
import {
  citizenBooksExtendedSlot,
  citizenBooksPublicDay,
  citizenTracksReview,
  clerkResolvesConcern,
  dashboardArticleFigures,
  jointVisitPrivacy,
} from './service.ts';
import { inspectorRecordsFindingOnPhone } from './site-inspections.ts';
import { officerDrawsAndReplays, publicSeesListAndResults } from './supervision.ts';
import {
  citizenOnPhone,
  englishListsFitTheWindow,
  intranetHostRenders,
  leaderWorkbench,
  listsOnAPhone,
} from './web.ts';

// In order: each journey signs in on its own, but the ones that create records run before the
// ones that only read, so a failure points at the first broken step.
export const journeys: Journey[] = [
  clerkRegistersEnterprise,
  enterpriseUserRefused,
  clerkReimportsRegister,
  issuedPasswordMustBeChanged,
  deadlineCalculator,
  worklistPauseExtend,
  citizenBooksExtendedSlot,
  clerkResolvesConcern,
  dashboardArticleFigures,
  citizenBooksPublicDay,
  jointVisitPrivacy,
  citizenTracksReview,
  citizenReportsPollution,
  citizenReadsServiceGuide,
  adminEditsServiceGuide,
  officerTracksPermits,
  clerkRunsEiaWizard,
  publicEiaWizard,
  enterpriseAppliesOnline,
  citizenObjectsDuringPublicity,
  leaderSeesEiaFigures,
  monitorWatchesStations,
  alarmAnsweredAndClosed,
  officerBindsMeterToHj212,
  inspectorRecordsFindingOnPhone,
  intranetHostRenders,
  leaderWorkbench,
  englishListsFitTheWindow,
  citizenOnPhone,
  listsOnAPhone,
  provisionalCalendar,
  clerkPublishesPolicy,
  citizenRequestsDisclosure,
  officerVerifiesClueOnMap,
  officerDrawsAndReplays,
  publicSeesListAndResults,
  officerRegistersIncident,
  leaderEditsPeriodReport,
];
