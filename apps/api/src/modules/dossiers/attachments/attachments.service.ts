import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActorContext, principalOf } from '../../../common/auth/actor';
import { ProblemException } from '../../../common/problem/problem';
import { FileStorage } from '../../../common/storage/file-storage';
import { AuditService } from '../../audit/audit.service';
import { Dossier } from '../entities/dossier.entity';
import { AttachmentKind, DossierAttachment } from '../entities/dossier-attachment.entity';
import { dossierNotFound } from '../dossiers.errors';
import { DossiersRepository } from '../dossiers.repository';
import { AttachmentResponse } from './attachments.dto';
import { sniffContentType } from './content-type';

const UPLOAD_PERMISSIONS = ['dossiers:intake', 'dossiers:process', 'dossiers:approve'] as const;

const toResponse = (a: DossierAttachment): AttachmentResponse => ({
  id: a.id,
  kind: a.kind,
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  uploadedByName: a.uploadedByName,
  uploadedAt: a.uploadedAt.toISOString(),
});

const attachmentNotFound = () =>
  new ProblemException({ status: 404, code: 'ATTACHMENT_NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy tệp.' });

export interface StoredFile {
  content: Buffer;
  contentType: string;
  filename: string;
}

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: ActorContext, code: string, kind: AttachmentKind, filename: string, content: Buffer): Promise<AttachmentResponse> {
    const principal = principalOf(actor);
    const row = await this.dossiers.findByCodeInScope(principal, code);
    if (!row) throw dossierNotFound();
    if (!UPLOAD_PERMISSIONS.some((p) => principal.permissions.has(p))) {
      throw new ProblemException({
        status: 403,
        code: 'FORBIDDEN',
        title: 'Not allowed',
        detail: 'Bạn không có quyền đính kèm tệp vào hồ sơ.',
      });
    }
    const contentType = sniffContentType(content);
    if (!contentType) {
      throw new ProblemException({
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        title: 'Unsupported media type',
        detail: 'Chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).',
      });
    }
    const id = randomUUID();
    const sha256 = createHash('sha256').update(content).digest('hex');
    const storageKey = `dossiers/${row.dossier.id}/${id}`;
    // The file is stored first: a failure after it leaves an unreferenced file, never a row without its file.
    await this.storage.put(storageKey, content);
    const saved = await this.dataSource.transaction(async (tx) => {
      const attachment = tx.create(DossierAttachment, {
        id,
        dossierId: row.dossier.id,
        kind,
        filename: filename.slice(0, 255) || 'tep-dinh-kem',
        contentType,
        size: content.length,
        sha256,
        storageKey,
        uploadedBy: principal.id,
        uploadedByName: principal.name,
      });
      await tx.save(attachment);
      await this.audit.record(
        actor,
        {
          action: 'dossier.attachment-added',
          targetType: 'dossier',
          targetId: code,
          after: { attachmentId: id, kind, sha256, size: content.length },
        },
        tx,
      );
      return attachment;
    });
    return toResponse(saved);
  }

  async list(actor: ActorContext, code: string): Promise<AttachmentResponse[]> {
    const row = await this.dossiers.findByCodeInScope(principalOf(actor), code);
    if (!row) throw dossierNotFound();
    const rows = await this.dataSource
      .getRepository(DossierAttachment)
      .find({ where: { dossierId: row.dossier.id }, order: { uploadedAt: 'ASC' } });
    return rows.map(toResponse);
  }

  async download(actor: ActorContext, code: string, id: string): Promise<StoredFile> {
    const row = await this.dossiers.findByCodeInScope(principalOf(actor), code);
    if (!row) throw dossierNotFound();
    const attachment = await this.dataSource.getRepository(DossierAttachment).findOneBy({ id, dossierId: row.dossier.id });
    if (!attachment) throw attachmentNotFound();
    await this.audit.record(actor, {
      action: 'dossier.attachment-read',
      targetType: 'dossier',
      targetId: code,
      after: { attachmentId: id },
    });
    return this.read(attachment);
  }

  /** The electronic result, for the citizen holding the lookup secret (only when the procedure issues one electronically). */
  async publicResult(dossier: Dossier): Promise<StoredFile> {
    if (!dossier.electronicResult || !['RESULT_READY', 'RETURNED'].includes(dossier.status)) throw attachmentNotFound();
    const result = await this.dataSource
      .getRepository(DossierAttachment)
      .findOne({ where: { dossierId: dossier.id, kind: 'RESULT' }, order: { uploadedAt: 'DESC' } });
    if (!result) throw attachmentNotFound();
    return this.read(result);
  }

  private async read(attachment: DossierAttachment): Promise<StoredFile> {
    const content = await this.storage.get(attachment.storageKey);
    if (createHash('sha256').update(content).digest('hex') !== attachment.sha256) {
      throw new ProblemException({
        status: 500,
        code: 'ATTACHMENT_CORRUPTED',
        title: 'Internal error',
        detail: 'Tệp lưu trữ không khớp mã băm: đã bị thay đổi ngoài hệ thống.',
      });
    }
    return { content, contentType: attachment.contentType, filename: attachment.filename };
  }
}
