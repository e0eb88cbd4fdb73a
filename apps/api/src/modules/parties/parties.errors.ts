import { ProblemException } from '../../common/problem/problem';
import type { FieldError } from '../../common/problem/problem';
import type { PartyStatus } from './entities/party.entity';

export const partyNotFound = () =>
  new ProblemException({
    status: 404,
    code: 'PARTY_NOT_FOUND',
    title: 'Not found',
    detail: 'Không tìm thấy công dân, tổ chức trong danh bạ.',
  });

/** 409 with the id of the party that already holds the identifier: the client offers "use existing". */
export const identifierTaken = (existingPartyId: string, errors: FieldError[]) =>
  new ProblemException({
    status: 409,
    code: 'PARTY_IDENTIFIER_TAKEN',
    title: 'Conflict',
    detail: 'Giấy tờ đã được đăng ký cho một công dân, tổ chức trong danh bạ. Dùng bản ghi đã có.',
    errors,
    extensions: { existingPartyId },
  });

export const partyNotActive = (status: PartyStatus, mergedIntoId: string | null) =>
  new ProblemException({
    status: 409,
    code: 'PARTY_NOT_ACTIVE',
    title: 'Conflict',
    detail:
      status === 'MERGED'
        ? 'Bản ghi đã được hợp nhất vào bản ghi khác; thao tác trên bản ghi còn lại.'
        : 'Bản ghi đã được ẩn danh hoá; không thể thay đổi.',
    extensions: { status, mergedIntoId },
  });

export const partyOutOfScope = () =>
  new ProblemException({
    status: 403,
    code: 'PARTY_OUT_OF_SCOPE',
    title: 'Not allowed',
    detail: 'Chỉ xem được dữ liệu đầy đủ của công dân, tổ chức do cơ quan trong phạm vi của bạn đăng ký hoặc phục vụ.',
  });

/** The person restricted the processing of their data: no reveal or contact export until it is lifted. */
export function partyRestricted(): ProblemException {
  return new ProblemException({
    status: 409,
    code: 'PARTY_RESTRICTED',
    title: 'Conflict',
    detail: 'Công dân đã yêu cầu hạn chế xử lý dữ liệu cá nhân; không thể xem đầy đủ hoặc xuất thông tin liên hệ.',
  });
}
