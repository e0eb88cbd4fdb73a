import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../placeholder/not-found-page';
import { PilotDetailPage } from './pilot-detail-page';
import { PilotListPage } from './pilot-list-page';

/** Thí điểm mô hình: the pilots at /thi-diem and one pilot with its comparison at /thi-diem/:id. */
export function PilotsPage() {
  return (
    <Routes>
      <Route index element={<PilotListPage />} />
      <Route path=":id" element={<PilotDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
