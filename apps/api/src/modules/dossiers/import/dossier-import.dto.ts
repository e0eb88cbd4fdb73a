import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportLineResult {
  @ApiProperty({ description: 'Line number in the NDJSON body (1-based)' }) line!: number;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ enum: ['IMPORTED', 'SKIPPED', 'FAILED'] }) result!: 'IMPORTED' | 'SKIPPED' | 'FAILED';
  @ApiPropertyOptional({ type: [String] }) errors?: string[];
}

export class ImportDossiersResponse {
  @ApiProperty() imported!: number;
  @ApiProperty({ description: 'Already there (same code): left untouched' }) skipped!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ type: [ImportLineResult] }) lines!: ImportLineResult[];
}
