import { ApiProperty } from '@nestjs/swagger';
import { CursorQuery } from '../../../common/pagination';

export class ChangesQuery extends CursorQuery {}

/** `data` of every event: the dossier's code and status, plus what the event type adds. */
export class DossierEventData {
  @ApiProperty({ example: '000.00.22.H01-260223-0001' }) code!: string;
  @ApiProperty({ example: 'RECEIVED' }) status!: string;
  @ApiProperty({ example: 2, description: 'External status code (1–10) of the national portal' }) statusCode!: number;
  [extra: string]: unknown;
}

/** A CloudEvents 1.0 event (structured JSON): the webhook body, and an item of the changes feed. */
export class IntegrationEvent {
  @ApiProperty({ enum: ['1.0'] }) specversion!: '1.0';
  @ApiProperty({ format: 'uuid', description: 'Unique per event; the same on every redelivery: dedupe by it' }) id!: string;
  @ApiProperty({ example: 'dossier.received' }) type!: string;
  @ApiProperty({ example: '/motcua/an-giang' }) source!: string;
  @ApiProperty({ description: 'The dossier code', example: '000.00.22.H01-260223-0001' }) subject!: string;
  @ApiProperty({ format: 'date-time' }) time!: string;
  @ApiProperty({ enum: ['application/json'] }) datacontenttype!: 'application/json';
  @ApiProperty({ type: DossierEventData }) data!: DossierEventData;
}

export class ChangesPage {
  @ApiProperty({ type: [IntegrationEvent], description: 'In commit order' }) items!: IntegrationEvent[];
  @ApiProperty({ description: 'Poll again from here; present even when the page is empty' }) nextCursor!: string;
}
