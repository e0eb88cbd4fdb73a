import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../../common/auth/actor';
import { ProblemException } from '../../../common/problem/problem';
import { ImportDossiersResponse } from './dossier-import.dto';
import { DossierImportService } from './dossier-import.service';

@ApiTags('imports')
@Controller('imports/dossiers')
export class DossierImportController {
  constructor(private readonly importer: DossierImportService) {}

  @Post()
  @RequirePermission('dossiers:import')
  @HttpCode(200)
  @ApiConsumes('application/x-ndjson')
  @ApiBody({
    description:
      'One dossier per line: the intake body plus "code" and "events": [{ "statusCode": 2, "at": "2026-10-01T02:00:00Z" }, …] (national status codes; "reason", "negative", "returnMethod" optional)',
    schema: { type: 'string' },
  })
  @ApiOkResponse({
    type: ImportDossiersResponse,
    description: 'Per line: IMPORTED, SKIPPED (code already there) or FAILED with the reasons',
  })
  importDossiers(@Actor() actor: ActorContext, @Body() body: unknown): Promise<ImportDossiersResponse> {
    if (typeof body !== 'string') {
      throw new ProblemException({
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        title: 'Unsupported media type',
        detail: 'Gửi NDJSON với Content-Type: application/x-ndjson.',
      });
    }
    return this.importer.import(actor, body);
  }
}
