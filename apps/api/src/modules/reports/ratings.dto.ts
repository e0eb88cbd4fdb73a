import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const score = (label: string) => ApiProperty({ minimum: 1, maximum: 5, description: label });

/** The five factors of the national SIPAS survey, each 1 (very unsatisfied) – 5 (very satisfied). */
export class RatingRequest {
  @score('Tiếp cận dịch vụ') @IsInt() @Min(1) @Max(5) access!: number;
  @score('Thủ tục hành chính') @IsInt() @Min(1) @Max(5) procedure!: number;
  @score('Công chức giải quyết') @IsInt() @Min(1) @Max(5) officer!: number;
  @score('Kết quả giải quyết') @IsInt() @Min(1) @Max(5) result!: number;
  @score('Tiếp nhận, xử lý góp ý, phản ánh') @IsInt() @Min(1) @Max(5) feedback!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}
