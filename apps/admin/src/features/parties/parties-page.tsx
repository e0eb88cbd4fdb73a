import { AuditOutlined, MergeCellsOutlined, SearchOutlined } from '@ant-design/icons';
import type { Permission } from '@motcua/domain';
import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { RequirePermission } from '../../app/auth/require-permission';
import { useSession } from '../../app/auth/use-session';
import { NotFoundPage } from '../placeholder/not-found-page';
import { AccessLogPage } from './access-log-page';
import { DuplicatesPage } from './duplicates-page';
import { ACCESS_LOG_PATH, DUPLICATES_PATH, PARTIES_PATH } from './labels';
import { PartyDetailPage } from './party-detail-page';
import { PartyCreatePage, PartyEditPage } from './party-form-page';
import { PartyListPage } from './party-list-page';

interface PartiesTab {
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
  permission: Permission;
}

const TABS: PartiesTab[] = [
  { key: 'search', path: PARTIES_PATH, labelKey: 'parties.tabs.search', icon: <SearchOutlined />, permission: 'parties:read' },
  {
    key: 'duplicates',
    path: DUPLICATES_PATH,
    labelKey: 'parties.tabs.duplicates',
    icon: <MergeCellsOutlined />,
    permission: 'parties:administer',
  },
  { key: 'accessLog', path: ACCESS_LOG_PATH, labelKey: 'parties.tabs.accessLog', icon: <AuditOutlined />, permission: 'audit:read' },
];

/** The registry's lists under one card: search, duplicate review (administrators), access log (auditors). */
function PartiesSection({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const tabs = TABS.filter((tab) => can(tab.permission));
  const active = TABS.find((tab) => tab.path === location.pathname)?.key;
  return (
    <Card title={t('parties.title')} styles={{ body: { paddingTop: 0 } }}>
      {tabs.length > 1 && (
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(TABS.find((tab) => tab.key === key)?.path ?? PARTIES_PATH)}
          items={tabs.map((tab) => ({ key: tab.key, label: t(tab.labelKey), icon: tab.icon }))}
          data-testid="parties-tabs"
        />
      )}
      {tabs.length <= 1 && <div style={{ height: 16 }} />}
      {children}
    </Card>
  );
}

/** Công dân, tổ chức (/cong-dan): the citizen registry. */
export function PartiesPage() {
  return (
    <Routes>
      <Route
        index
        element={
          <PartiesSection>
            <PartyListPage />
          </PartiesSection>
        }
      />
      <Route
        path="trung-lap"
        element={
          <RequirePermission anyOf={['parties:administer']}>
            <PartiesSection>
              <DuplicatesPage />
            </PartiesSection>
          </RequirePermission>
        }
      />
      <Route
        path="nhat-ky-truy-cap"
        element={
          <RequirePermission anyOf={['audit:read']}>
            <PartiesSection>
              <AccessLogPage />
            </PartiesSection>
          </RequirePermission>
        }
      />
      <Route
        path="moi"
        element={
          <RequirePermission anyOf={['parties:manage']}>
            <PartyCreatePage />
          </RequirePermission>
        }
      />
      <Route path=":id" element={<PartyDetailPage />} />
      <Route
        path=":id/sua"
        element={
          <RequirePermission anyOf={['parties:manage']}>
            <PartyEditPage />
          </RequirePermission>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
