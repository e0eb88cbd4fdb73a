import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../placeholder/not-found-page';
import { InspectionDetailPage } from './inspection-detail-page';
import { InspectionListPage } from './inspection-list-page';

/** Thanh tra, kiểm tra: the inspections at /thanh-tra and one inspection at /thanh-tra/:id. */
export function InspectionsPage() {
  return (
    <Routes>
      <Route index element={<InspectionListPage />} />
      <Route path=":id" element={<InspectionDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
