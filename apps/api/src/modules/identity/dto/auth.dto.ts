import { PERMISSIONS, ROLES, type Permission, type Role } from '@motcua/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'MotCua@2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class SessionUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ enum: ROLES, isArray: true, enumName: 'Role' }) roles!: Role[];
  @ApiProperty({ enum: PERMISSIONS, isArray: true, enumName: 'Permission' }) permissions!: Permission[];
}

export class LoginResponse {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 }) expiresIn!: number;
  @ApiProperty({ type: SessionUser }) user!: SessionUser;
}

export class MeResponse {
  @ApiProperty({ enum: ['user', 'client'] }) kind!: 'user' | 'client';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Username, or the integration client’s name' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) fullName!: string | null;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ enum: ROLES, isArray: true, enumName: 'Role' }) roles!: Role[];
  @ApiProperty({ enum: PERMISSIONS, isArray: true, enumName: 'Permission' }) permissions!: Permission[];
}
