import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../placeholder/not-found-page';
import { DossierDetailPage } from './detail/dossier-detail-page';
import { DossierListPage } from './list/dossier-list-page';

/** Hồ sơ: the work list at /ho-so and one dossier at /ho-so/:code. */
export function DossiersPage() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route
        index
        element={
          <Card title={t('dossiers.list.title')} styles={{ body: { paddingTop: 0 } }}>
            <DossierListPage />
          </Card>
        }
      />
      <Route path=":code" element={<DossierDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
