import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { ComingSoonPage } from '../features/placeholder/coming-soon-page';
import { HomePage } from '../features/placeholder/home-page';
import { AppLayout } from './app-layout';
import { NAV_ITEMS } from './navigation';

export function App({ queryClient }: { queryClient: QueryClient }) {
  const { i18n } = useTranslation();
  dayjs.locale(i18n.language === 'en' ? 'en' : 'vi');
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Routes>
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              {NAV_ITEMS.map((item) => (
                <Route key={item.key} path={`${item.path}/*`} element={<ComingSoonPage labelKey={item.labelKey} />} />
              ))}
            </Route>
          </Routes>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
