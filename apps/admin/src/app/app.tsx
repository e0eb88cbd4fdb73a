import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { AccountabilityPage } from '../features/accountability/accountability-page';
import { AdministrationPage } from '../features/administration/administration-page';
import { AgenciesPage } from '../features/agencies/agencies-page';
import { AuditPage } from '../features/audit/audit-page';
import { CalendarPage } from '../features/calendar/calendar-page';
import { HomePage } from '../features/dashboard/home-page';
import { DossiersPage } from '../features/dossiers/dossiers-page';
import { IntakePage } from '../features/dossiers/intake/intake-page';
import { InspectionsPage } from '../features/inspections/inspections-page';
import { PartiesPage } from '../features/parties/parties-page';
import { PilotsPage } from '../features/pilots/pilots-page';
import { ComingSoonPage } from '../features/placeholder/coming-soon-page';
import { NotFoundPage } from '../features/placeholder/not-found-page';
import { ProceduresPage } from '../features/procedures/procedures-page';
import { PublicLayout } from '../features/public-guide/public-layout';
import { PublicProcedurePage } from '../features/public-guide/public-procedure-page';
import { PublicProceduresPage } from '../features/public-guide/public-procedures-page';
import { PublicLookupPage } from '../features/public-lookup/public-lookup-page';
import { ReportsPage } from '../features/reports/reports-page';
import { WorkQueuesPage } from '../features/work/work-queues-page';
import { AppLayout } from './app-layout';
import { LoginPage } from './auth/login-page';
import { LOGIN_PATH } from './auth/login-redirect';
import { RequireAuth } from './auth/require-auth';
import { RequirePermission } from './auth/require-permission';
import { SessionGate } from './auth/session-gate';
import { NAV_ITEMS } from './navigation';

/** Pages built so far; the other modules show a placeholder. */
const PAGES: Record<string, () => React.JSX.Element> = {
  work: WorkQueuesPage,
  dossiers: DossiersPage,
  intake: IntakePage,
  procedures: ProceduresPage,
  agencies: AgenciesPage,
  calendar: CalendarPage,
  parties: PartiesPage,
  reports: ReportsPage,
  inspections: InspectionsPage,
  accountability: AccountabilityPage,
  pilots: PilotsPage,
  audit: AuditPage,
  administration: AdministrationPage,
};

export function App({ queryClient }: { queryClient: QueryClient }) {
  const { i18n } = useTranslation();
  dayjs.locale(i18n.language === 'en' ? 'en' : 'vi');
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionGate>
            <Routes>
              <Route path={LOGIN_PATH} element={<LoginPage />} />
              <Route path="/tra-cuu" element={<PublicLookupPage />} />
              <Route path="/thu-tuc-cong-khai" element={<PublicLayout />}>
                <Route index element={<PublicProceduresPage />} />
                <Route path=":code" element={<PublicProcedurePage />} />
              </Route>
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<HomePage />} />
                {NAV_ITEMS.map((item) => {
                  const Page = PAGES[item.key];
                  return (
                    <Route
                      key={item.key}
                      path={`${item.path}/*`}
                      element={
                        <RequirePermission anyOf={item.anyOf}>
                          {Page ? <Page /> : <ComingSoonPage labelKey={item.labelKey} />}
                        </RequirePermission>
                      }
                    />
                  );
                })}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </SessionGate>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
