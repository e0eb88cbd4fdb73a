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
import { OutboxEvent } from '../modules/integration/entities/outbox-event.entity';
import { WebhookAttempt } from '../modules/integration/entities/webhook-attempt.entity';
import { WebhookDelivery } from '../modules/integration/entities/webhook-delivery.entity';
import { WebhookFanoutCursor } from '../modules/integration/entities/webhook-fanout-cursor.entity';
import { WebhookSubscription } from '../modules/integration/entities/webhook-subscription.entity';
import { DossierStep } from '../modules/dossiers/routing/dossier-step.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { DossierRating } from '../modules/reports/dossier-rating.entity';
import { ReportPeriod, ReportPeriodDossier, ReportPeriodRow } from '../modules/reports/report-period.entity';
import { ReportExport, ReportExportChunk } from '../modules/reports/exports/report-export.entity';
import { DossierParty } from '../modules/parties/entities/dossier-party.entity';
import { PartyAccessLog } from '../modules/parties/entities/party-access-log.entity';
import { PartyAdoptionState } from '../modules/parties/entities/party-adoption-state.entity';
import { PartyConsent } from '../modules/parties/entities/party-consent.entity';
import { PartyContact } from '../modules/parties/entities/party-contact.entity';
import { PartyIdentifier } from '../modules/parties/entities/party-identifier.entity';
import { PartyMerge } from '../modules/parties/entities/party-merge.entity';
import { PartyRepresentative } from '../modules/parties/entities/party-representative.entity';
import { Party } from '../modules/parties/entities/party.entity';
import { InspectionSample } from '../modules/oversight/entities/inspection-sample.entity';
import { Inspection } from '../modules/oversight/entities/inspection.entity';
import { Pilot, PilotAgency } from '../modules/oversight/entities/pilot.entity';

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
  DossierRating,
  ReportPeriod,
  ReportPeriodRow,
  ReportPeriodDossier,
  ReportExport,
  ReportExportChunk,
  Party,
  PartyIdentifier,
  PartyContact,
  PartyRepresentative,
  DossierParty,
  PartyAccessLog,
  PartyMerge,
  PartyConsent,
  PartyAdoptionState,
  OutboxEvent,
  WebhookSubscription,
  WebhookDelivery,
  WebhookAttempt,
  WebhookFanoutCursor,
  Inspection,
  InspectionSample,
  Pilot,
  PilotAgency,
];
