import { AuditEvent } from '../modules/audit/audit-event.entity';
import { CalendarDay } from '../modules/calendar/entities/calendar-day.entity';
import { CalendarSettings } from '../modules/calendar/entities/calendar-settings.entity';
import { Agency } from '../modules/catalog/entities/agency.entity';
import { DossierCodeCounter } from '../modules/dossiers/entities/dossier-code-counter.entity';
import { DossierAttachment } from '../modules/dossiers/entities/dossier-attachment.entity';
import { DossierEvent } from '../modules/dossiers/entities/dossier-event.entity';
import { DossierForm } from '../modules/dossiers/entities/dossier-form.entity';
import { Dossier } from '../modules/dossiers/entities/dossier.entity';
import { IdempotencyKey } from '../modules/dossiers/entities/idempotency-key.entity';
import { ProcedureStep } from '../modules/catalog/entities/procedure-step.entity';
import { Procedure } from '../modules/catalog/entities/procedure.entity';
import { ApiClient } from '../modules/identity/entities/api-client.entity';
import { LoginAttempt } from '../modules/identity/entities/login-attempt.entity';
import { RefreshToken } from '../modules/identity/entities/refresh-token.entity';
import { User } from '../modules/identity/entities/user.entity';
import { DossierStep } from '../modules/dossiers/routing/dossier-step.entity';
import { Notification } from '../modules/notifications/notification.entity';

/** Every TypeORM entity of the product, listed explicitly (see data-source.ts). */
export const ENTITIES = [
  Agency,
  Procedure,
  ProcedureStep,
  User,
  RefreshToken,
  LoginAttempt,
  ApiClient,
  AuditEvent,
  CalendarDay,
  CalendarSettings,
  Dossier,
  DossierEvent,
  DossierCodeCounter,
  IdempotencyKey,
  DossierForm,
  DossierAttachment,
  DossierStep,
  Notification,
];
