import type { ProcessingUnit, Role } from '@motcua/domain';
import type { StepActor } from '../../modules/catalog/entities/procedure-step.entity';
import type { OnlineRegime, ProcedureLevel } from '../../modules/catalog/entities/procedure.entity';

/** Demo catalog data, written with agency codes rather than ids. */
export interface FeeSeed {
  /** e.g. "Lệ phí đăng ký kết hôn" */
  name: string;
  /** VND; 0 for "miễn lệ phí". */
  amount: number;
  note?: string;
}

export interface DocumentSeed {
  name: string;
  originals: number;
  copies: number;
  mandatory: boolean;
  note?: string;
}

export interface StepSeed {
  name: string;
  /** Who acts: the competent agency, the receiving point, or a fixed agency (agencyCode). */
  actor: StepActor;
  agencyCode?: string;
  role: Role;
  budgetHours: number;
  /** Steps sharing a group run side by side (inter-agency consultation). */
  parallelGroup?: string;
}

export interface ProcedureSeed {
  /** National procedure code (opaque), e.g. "1.001193". */
  code: string;
  name: string;
  /** Lĩnh vực, e.g. "Hộ tịch". */
  field: string;
  level: ProcedureLevel;
  /** Demo agency code of the competent agency; omitted = the receiving commune/district is competent. */
  competentAgencyCode?: string;
  processingAmount: number;
  processingUnit: ProcessingUnit;
  fees: FeeSeed[];
  documents: DocumentSeed[];
  onlineRegime: OnlineRegime;
  paperResultRequired: boolean;
  electronicResultAllowed: boolean;
  legalBasis: string;
  steps: StepSeed[];
}
