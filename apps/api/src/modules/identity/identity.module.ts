import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { AccessGuard } from '../../common/auth/access.guard';
import { Authenticator } from '../../common/auth/authenticator';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CatalogModule } from '../catalog/catalog.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';
import { IdentityAuthenticator } from './identity-authenticator';
import { SessionsService } from './sessions.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [
    CatalogModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not the string: jsonwebtoken otherwise re-parses a string secret (a failing
      // createPublicKey) on every verification, which was a tenth of an intake's CPU time.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret)), signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController, UsersController, ClientsController],
  providers: [
    UsersRepository,
    UsersService,
    SessionsService,
    AuthService,
    ClientsService,
    { provide: Authenticator, useClass: IdentityAuthenticator },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService],
})
export class IdentityModule {}
