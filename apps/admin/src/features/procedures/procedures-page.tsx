import { Route, Routes } from 'react-router-dom';
import { RequirePermission } from '../../app/auth/require-permission';
import { NotFoundPage } from '../placeholder/not-found-page';
import { ProcedureImportPage } from './import/procedure-import-page';
import { ProcedureDetailPage } from './procedure-detail-page';
import { ProcedureListPage } from './procedure-list-page';

/** Danh mục thủ tục: /thu-tuc (list), /thu-tuc/nhap (import), /thu-tuc/:id (a version). */
export function ProceduresPage() {
  return (
    <Routes>
      <Route index element={<ProcedureListPage />} />
      <Route
        path="nhap"
        element={
          <RequirePermission anyOf={['procedures:manage']}>
            <ProcedureImportPage />
          </RequirePermission>
        }
      />
      <Route path=":id" element={<ProcedureDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
