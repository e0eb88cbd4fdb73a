import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext } from '../../common/auth/actor';
import { ProblemException } from '../../common/problem/problem';
import { AuditService } from '../audit/audit.service';
import { defaultTemplate } from './default-template';
import { ImportProceduresResponse, ImportRowError } from './dto/procedure.dto';
import { parseRow, ParsedRow, readImportFile } from './procedure-import';
import { ProceduresRepository } from './procedures.repository';
import { ProcedureDefinition, ProceduresService } from './procedures.service';

export const MAX_IMPORT_ROWS = 5000;

function definitionOf(row: ParsedRow, competentAgencyId: string | null): ProcedureDefinition {
  return {
    name: row.name,
    field: row.field,
    level: row.level,
    competentAgencyId,
    processingAmount: row.amount,
    processingUnit: row.unit,
    fees: row.fee ? [{ name: 'Phí, lệ phí', amount: row.fee }] : [],
    documents: row.documents.map((name) => ({ name, originals: 1, copies: 0, mandatory: true })),
    onlineRegime: 'NONE',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: '',
    steps: defaultTemplate(row.amount, row.unit),
  };
}

/** Imports the national procedure database export: every row checked, nothing written when one is bad (unless asked). */
@Injectable()
export class ProcedureImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly procedures: ProceduresService,
    private readonly repository: ProceduresRepository,
    private readonly audit: AuditService,
  ) {}

  async import(actor: ActorContext, file: Buffer, mode: 'all' | 'valid-only', publish: boolean): Promise<ImportProceduresResponse> {
    const rows = await readImportFile(file);
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new ProblemException({
        status: 413,
        code: 'IMPORT_TOO_LARGE',
        title: 'Too many rows',
        detail: `Tối đa ${MAX_IMPORT_ROWS} dòng mỗi lần nhập.`,
      });
    }
    const agencyIds = await this.repository.agencyIdsByCode(rows.map((r) => r.agencyCode).filter(Boolean));
    const rejected: ImportRowError[] = [];
    const good: Array<{ row: ParsedRow; definition: ProcedureDefinition }> = [];
    const seen = new Map<string, number>();
    const importedCodes: string[] = [];

    await this.dataSource.transaction(async (tx) => {
      for (const raw of rows) {
        const { parsed, reasons } = parseRow(raw);
        if (parsed) {
          const agencyId = parsed.agencyCode ? agencyIds.get(parsed.agencyCode) : null;
          if (parsed.agencyCode && !agencyId) reasons.push(`Mã cơ quan ${parsed.agencyCode} không có trong danh mục cơ quan`);
          if (!parsed.agencyCode && parsed.level === 'PROVINCE') reasons.push('Thủ tục cấp tỉnh phải có mã cơ quan có thẩm quyền');
          const firstLine = seen.get(parsed.code);
          if (firstLine) reasons.push(`Mã thủ tục trùng với dòng ${firstLine}`);
          seen.set(parsed.code, parsed.line);
          if (!reasons.length) {
            const definition = definitionOf(parsed, agencyId ?? null);
            const errors = await this.procedures.definitionErrors(tx, definition);
            reasons.push(...errors.map((e) => e.message));
            if (!reasons.length) good.push({ row: parsed, definition });
          }
        }
        if (reasons.length) rejected.push({ line: raw.line, code: raw.code || null, reasons });
      }

      if (rejected.length && mode === 'all') throw rowsInvalid(rejected, rows.length);
      for (const item of good) {
        if (await this.writeRow(tx, actor, item.row, item.definition, publish, rejected)) importedCodes.push(item.row.code);
        else if (mode === 'all') throw rowsInvalid(rejected, rows.length);
      }
      await this.audit.record(
        actor,
        {
          action: 'procedure.import',
          targetType: 'procedure-import',
          after: { totalRows: rows.length, imported: importedCodes.length, rejected: rejected.length, mode, publish },
        },
        tx,
      );
    });
    return { totalRows: rows.length, imported: importedCodes.length, importedCodes, rejected: rejected.sort((a, b) => a.line - b.line) };
  }

  /** A row can still fail at write time (a draft already open for its code); it joins the rejected list then. */
  private async writeRow(
    tx: EntityManager,
    actor: ActorContext,
    row: ParsedRow,
    d: ProcedureDefinition,
    publish: boolean,
    rejected: ImportRowError[],
  ): Promise<boolean> {
    await tx.query('SAVEPOINT import_row');
    try {
      await this.procedures.importVersion(tx, actor, row.code, d, publish);
      await tx.query('RELEASE SAVEPOINT import_row');
      return true;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT import_row');
      if (!(error instanceof ProblemException)) throw error;
      rejected.push({ line: row.line, code: row.code, reasons: [error.init.detail ?? error.init.title] });
      return false;
    }
  }
}

function rowsInvalid(rejected: ImportRowError[], totalRows: number): ProblemException {
  return new ProblemException({
    status: 422,
    code: 'IMPORT_ROWS_INVALID',
    title: 'Unprocessable request',
    detail: `${rejected.length}/${totalRows} dòng không hợp lệ; không dòng nào được nhập.`,
    errors: rejected.flatMap((r) => r.reasons.map((reason) => ({ field: `rows.${r.line}`, rule: 'row', message: reason }))),
    extensions: { rejected: [...rejected].sort((a, b) => a.line - b.line), totalRows },
  });
}
