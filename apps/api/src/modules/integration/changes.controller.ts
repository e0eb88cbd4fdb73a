import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext, principalOf } from '../../common/auth/actor';
import { ChangesService } from './changes.service';
import { ChangesPage, ChangesQuery } from './dto/changes.dto';

@ApiTags('integration')
@Controller('integration/changes')
export class ChangesController {
  constructor(private readonly changes: ChangesService) {}

  @Get()
  @RequirePermission('dossiers:read')
  @ApiOkResponse({
    type: ChangesPage,
    description:
      'Every dossier event in the caller’s agency subtree, in commit order, as CloudEvents (the webhook bodies). ' +
      'Poll again with nextCursor; an event is never skipped, even one committed late.',
  })
  listIntegrationChanges(@Actor() actor: ActorContext, @Query() query: ChangesQuery): Promise<ChangesPage> {
    return this.changes.page(principalOf(actor), query);
  }
}
