import type { IdentifierType, WorkingCalendar } from '@motcua/domain';
import type { Client } from 'pg';
import type { AuditChain } from '../audit-chain';
import type { AgencyInfo, Catalog, ProcedureInfo } from '../catalog';
import type { CopyStream } from '../copy-sink';
import type { DossierState, Principal } from '../dossier-lifecycle';
import type { StaffDirectory } from '../dossier-scenario';
import type { Random } from '../random';

/** Everything a generator module may read; `db` is a plain connection for small inserts. */
export interface SeedContext {
  db: Client;
  catalog: Catalog;
  calendar: WorkingCalendar;
  /** The data ends here: no action after it happens. */
  now: Date;
  seed: number;
  random: Random;
  audit: AuditChain;
  ids: IdAllocator;
  /** Filled by the staff module's prepare(): who acts for each agency, the portal client, the admin. */
  staff: StaffDirectory & { portal: Principal; admin: Principal };
  /** Per receiving agency, the last code sequence of the local day being generated. */
  sequences: Map<string, number>;
  log(line: string): void;
}

/** One generated dossier and what it was made from, handed to every module in intake order. */
export interface GeneratedDossier {
  state: DossierState;
  procedure: ProcedureInfo;
  receiving: AgencyInfo;
  competent: AgencyInfo;
  /** The principal of the intake (counter officer or portal client). */
  intakeBy: Principal;
  /** Status right after the intake (SUBMITTED online, RECEIVED otherwise). */
  intakeStatus: 'SUBMITTED' | 'RECEIVED';
  /** Registry key of the applicant (people.ts). */
  applicantRef: { kind: 'person' | 'business'; index: number };
  /** The applicant as the intake sent it, identifiers and contacts in clear (what the registry seals). */
  applicantInput: ApplicantInput;
}

/** The intake's applicant (the dossiers' ApplicantDto); `fullName` is an organisation's name too. */
export interface ApplicantInput {
  type: 'INDIVIDUAL' | 'ORGANIZATION' | 'ENTERPRISE';
  fullName: string;
  dateOfBirth?: string;
  sex?: 'MALE' | 'FEMALE';
  identifiers: Array<{ type: IdentifierType; value: string }>;
  phone?: string;
  email?: string;
  address?: string;
}

export interface TableLoad {
  table: string;
  columns: readonly string[];
  /** Loaded in bulk: secondary indexes and foreign keys are dropped around the load and rebuilt. */
  bulk: boolean;
  /** COPY connections side by side (default 1), for the biggest tables. */
  connections?: number;
}

/**
 * One table family of the data set (dossiers, timeline, audit, parties, step tasks, ratings): it declares its tables, may insert reference rows first, then turns each generated
 * dossier into COPY rows. Modules run in the order listed in seed.ts.
 */
export interface GeneratorModule {
  name: string;
  tables: TableLoad[];
  prepare?(ctx: SeedContext): Promise<void>;
  /** Before each local day's intakes (records of that day that are not dossiers). */
  startOfDay?(date: string, out: Sinks, ctx: SeedContext): void;
  emit?(dossier: GeneratedDossier, out: Sinks, ctx: SeedContext): void;
  /** After each local day (e.g. the code counters of that day). */
  endOfDay?(date: string, out: Sinks, ctx: SeedContext): void;
  finish?(out: Sinks, ctx: SeedContext): Promise<void> | void;
}

export type Sinks = Record<string, CopyStream>;

/** Explicit ids for bigserial tables (the sequences are moved past them at the end). */
export class IdAllocator {
  private readonly next = new Map<string, number>();

  set(table: string, lastUsed: number): void {
    this.next.set(table, lastUsed);
  }

  take(table: string): number {
    const last = this.next.get(table) ?? 0;
    this.next.set(table, last + 1);
    return last + 1;
  }

  last(table: string): number {
    return this.next.get(table) ?? 0;
  }
}
