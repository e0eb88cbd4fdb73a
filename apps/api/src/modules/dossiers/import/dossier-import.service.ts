import {
  DOSSIER_CODE_PATTERN,
  nextReplayState,
  replayPath,
  STATUS_CODES,
  statusOfCode,
  type DossierAction,
  type ReplayState,
} from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { ActorContext } from '../../../common/auth/actor';
import { ProblemException } from '../../../common/problem/problem';
import { flattenValidationErrors } from '../../../common/problem/validation';
import { CalendarService } from '../../calendar/calendar.service';
import { CreateDossierRequest, DossierActionRequest } from '../dto/dossier.dto';
import { Dossier } from '../entities/dossier.entity';
import { DossiersService } from '../dossiers.service';
import { ImportDossiersResponse, ImportLineResult } from './dossier-import.dto';

export const MAX_IMPORT_LINES = 10_000;

interface LegacyEvent {
  statusCode: number;
  at: string;
  reason?: string;
  negative?: boolean;
  returnMethod?: string;
}

class LineError extends Error {}

/** Reads a legacy system's NDJSON export and replays each dossier through the live state machine. */
@Injectable()
export class DossierImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossiersService,
    private readonly calendar: CalendarService,
  ) {}

  async import(actor: ActorContext, ndjson: string): Promise<ImportDossiersResponse> {
    const lines = ndjson.split(/\r?\n/);
    if (lines.filter((l) => l.trim()).length > MAX_IMPORT_LINES) {
      throw new ProblemException({
        status: 413,
        code: 'IMPORT_TOO_LARGE',
        title: 'Too many lines',
        detail: `Tối đa ${MAX_IMPORT_LINES} dòng mỗi lần; chia thành nhiều lô.`,
      });
    }
    const calendar = await this.calendar.calendar();
    const results: ImportLineResult[] = [];
    for (const [index, text] of lines.entries()) {
      if (!text.trim()) continue;
      results.push(await this.importLine(actor, index + 1, text, calendar));
    }
    return {
      imported: results.filter((r) => r.result === 'IMPORTED').length,
      skipped: results.filter((r) => r.result === 'SKIPPED').length,
      failed: results.filter((r) => r.result === 'FAILED').length,
      lines: results,
    };
  }

  private async importLine(
    actor: ActorContext,
    line: number,
    text: string,
    calendar: Awaited<ReturnType<CalendarService['calendar']>>,
  ): Promise<ImportLineResult> {
    let code: string | null = null;
    try {
      let raw: Record<string, unknown>;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new LineError('Dòng không phải JSON hợp lệ');
      }
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new LineError('Mỗi dòng phải là một đối tượng JSON');
      const { code: rawCode, events: rawEvents, ...intake } = raw;
      if (typeof rawCode !== 'string' || !DOSSIER_CODE_PATTERN.test(rawCode))
        throw new LineError('code thiếu hoặc sai định dạng <mã cơ quan>-<YYMMDD>-<NNNN>');
      code = rawCode;
      if (await this.dataSource.getRepository(Dossier).exists({ where: { code } })) return { line, code, result: 'SKIPPED' };

      const body = plainToInstance(CreateDossierRequest, intake);
      const errors = flattenValidationErrors(await validate(body, { whitelist: true, forbidNonWhitelisted: true }));
      if (errors.length) throw new LineError(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
      const events = this.checkEvents(rawEvents);
      const first = events[0];
      const expectedFirst = body.channel === 'ONLINE' ? 1 : 2;
      if (first.statusCode !== expectedFirst)
        throw new LineError(`Sự kiện đầu tiên phải có statusCode ${expectedFirst} (kênh ${body.channel})`);

      // Walk the legacy codes through the transition table before writing anything.
      let state: ReplayState = { status: first.statusCode === 1 ? 'SUBMITTED' : 'RECEIVED', stage: null, resumeStatus: null };
      const steps: Array<{ at: Date; actions: DossierAction[]; request: DossierActionRequest }> = [];
      for (const event of events.slice(1)) {
        const path = replayPath(state, event.statusCode, { negative: event.negative });
        if (!path)
          throw new LineError(`Không thể chuyển từ trạng thái ${STATUS_CODES[state.status]} sang ${event.statusCode} (lúc ${event.at})`);
        const request = Object.assign(new DossierActionRequest(), {
          reason:
            event.reason ??
            (path.some((a) => ['refuse', 'request-supplement', 'reject-with-reasons', 'request-withdrawal', 'stop'].includes(a))
              ? 'Dữ liệu chuyển đổi từ hệ thống cũ'
              : undefined),
          returnMethod: event.returnMethod ?? (path.includes('return-result') ? 'IN_PERSON' : undefined),
          amount: path.includes('request-payment') ? 0 : undefined,
        });
        steps.push({ at: new Date(event.at), actions: path, request });
        for (const action of path) state = nextReplayState(state, action);
      }
      await this.dataSource.transaction((tx) => this.dossiers.replay(tx, actor, body, code as string, steps, new Date(first.at), calendar));
      return { line, code, result: 'IMPORTED' };
    } catch (error) {
      if (error instanceof LineError) return { line, code, result: 'FAILED', errors: [error.message] };
      if (error instanceof ProblemException) {
        const details = error.init.errors?.length
          ? error.init.errors.map((e) => `${e.field}: ${e.message}`)
          : [error.init.detail ?? error.init.title];
        return { line, code, result: 'FAILED', errors: details };
      }
      throw error;
    }
  }

  private checkEvents(raw: unknown): LegacyEvent[] {
    if (!Array.isArray(raw) || !raw.length) throw new LineError('events phải là mảng các sự kiện { statusCode, at }');
    let previous = -Infinity;
    return raw.map((event, i) => {
      const e = event as LegacyEvent;
      if (!e || typeof e !== 'object' || !Number.isInteger(e.statusCode) || !statusOfCode(e.statusCode))
        throw new LineError(`events.${i}.statusCode phải là mã trạng thái 1–10`);
      const at = typeof e.at === 'string' ? Date.parse(e.at) : NaN;
      if (Number.isNaN(at) || !/(Z|[+-]\d{2}:\d{2})$/.test(e.at))
        throw new LineError(`events.${i}.at phải là thời điểm ISO-8601 có múi giờ`);
      if (at < previous) throw new LineError(`events.${i}.at sớm hơn sự kiện trước`);
      if (at > Date.now()) throw new LineError(`events.${i}.at ở tương lai`);
      previous = at;
      return e;
    });
  }
}
