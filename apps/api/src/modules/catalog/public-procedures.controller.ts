import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { ProcedurePage, ProcedureResponse, PublicProceduresQuery } from './dto/procedure.dto';
import { procedureNotFound, ProceduresService } from './procedures.service';

/** The public procedure guide: citizens read the published catalog without an account. */
@ApiTags('public')
@Controller('public/procedures')
export class PublicProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: ProcedurePage })
  listPublicProcedures(@Query() query: PublicProceduresQuery): Promise<ProcedurePage> {
    const { online, ...rest } = query;
    return this.procedures.list(rest, { status: 'PUBLISHED', onlineOnly: online });
  }

  @Get('fields')
  @Public()
  @ApiOkResponse({ type: [String] })
  listPublicProcedureFields(): Promise<string[]> {
    return this.procedures.fields();
  }

  @Get(':code')
  @Public()
  @ApiOkResponse({ type: ProcedureResponse, description: 'The published version of a procedure, by its national code' })
  async getPublicProcedure(@Param('code') code: string): Promise<ProcedureResponse> {
    if (code.length > 32) throw procedureNotFound();
    return this.procedures.getPublishedByCode(code);
  }
}
