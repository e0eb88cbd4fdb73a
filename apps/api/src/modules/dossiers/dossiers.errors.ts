import type { DossierAction } from '@motcua/domain';
import { ProblemException } from '../../common/problem/problem';
import { staleVersion } from '../../common/problem/stale-version';

export const dossierNotFound = () =>
  new ProblemException({ status: 404, code: 'DOSSIER_NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy hồ sơ.' });

/** A dossier's own wording of the shared optimistic-concurrency conflict. */
export const staleDossier = (currentVersion: number) =>
  staleVersion(currentVersion, 'Hồ sơ vừa được người khác cập nhật. Tải lại hồ sơ rồi thực hiện lại.');

export const actionNotAllowed = (action: DossierAction, status: string, allowedActions: DossierAction[]) =>
  new ProblemException({
    status: 409,
    code: 'ACTION_NOT_ALLOWED',
    title: 'Conflict',
    detail: `Không thể thực hiện "${action}" khi hồ sơ ở trạng thái ${status}.`,
    extensions: { allowedActions },
  });

export const actionForbidden = (action: DossierAction, allowedActions: DossierAction[], detail?: string) =>
  new ProblemException({
    status: 403,
    code: 'FORBIDDEN',
    title: 'Not allowed',
    detail: detail ?? `Bạn không có quyền thực hiện "${action}" với hồ sơ này.`,
    extensions: { allowedActions },
  });
