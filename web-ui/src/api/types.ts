// Wire types: aliases of the schemas generated from /q/openapi (schema.d.ts, `npm run api:types`).
// Only the answers the OpenAPI document leaves untyped (maps) have shapes written here.
import type { components } from './schema';

type S = components['schemas'];

/** An organization's own table (metadata only, never its rows). */
export type TableView = S['TableView'];

export type ColumnSpec = S['ColumnSpec'];
export type ColumnTag = NonNullable<S['ColumnSpec']['tag']>;
export type Grade = NonNullable<S['DatasetSummary']['grade']>;
export type DatasetSummary = S['DatasetSummary'];
export type LicenseApplication = S['LicenseApplication'];
export type LicenseView = S['LicenseView'];
export type LicenseState = NonNullable<S['LicenseView']['state']>;
export type PolicyReason = NonNullable<S['LicenseView']['decisionReasons']>[number];
export type ReviewNote = S['ReviewNote'];
export type ReturnRequest = S['ReturnRequest'];
export type JobRequest = S['JobRequest'];
export type JobView = S['JobView'];
export type JobState = NonNullable<S['JobView']['state']>;
export type PrivacyBudget = NonNullable<S['JobView']['budget']>;
export type ResultSummary = NonNullable<S['JobView']['result']>;
export type ProductView = S['ProductView'];
export type PriceRule = NonNullable<S['ProductView']['priceRule']>;
export type ProductDescription = NonNullable<S['ProductView']['description']>;
export type DatasetUsage = S['DatasetUsage'];
export type GradeProposal = S['GradeProposal'];
export type GradeProposalRequest = S['GradeProposalRequest'];
export type ProductWithdrawal = S['ProductWithdrawal'];
export type OrganizationRequest = S['OrganizationRequest'];
export type OrganizationView = S['OrganizationView'];
export type InvoiceLine = S['InvoiceLineView'];
export type LedgerEntry = S['LedgerEntryView'];
export type AuditEvent = S['AuditEventView'];
export type AuditVerification = S['AuditVerification'];
export type ReferenceData = S['ReferenceData'];
export type Category = S['Category'];
/** GET /licenses/{id}/workspace as the API sends it. */
export type ApiWorkspace = S['Workspace'];
export type ApiTemplate = S['Template'];
export type RegistrationStatus = S['RegistrationStatus'];
export type RegistrationType = S['RegistrationType'];
/** GET /registrations/publicity: one registration in its publicity window (公示), anonymous. */
export type PublicityEntry = S['PublicityEntry'];
export type PublicityPage = S['PagePublicityEntry'];
/** An objection (异议) lodged during publicity, with the reviewer's answer and the caller's actions. */
export type ObjectionView = S['ObjectionView'];
export type ObjectionStatus = S['ObjectionStatus'];
export type ObjectionPage = S['PageObjectionView'];
/** GET /certificates/{code}: the signed facts and the certificate's status now. */
export type CertificateVerification = S['CertificateVerification'];
export type RegistrationCertificate = S['RegistrationCertificate'];
export type CertificateStatus = S['CertificateStatus'];
/** POST /datasets and PUT /datasets/{id}: a dataset draft (数据集草稿); lockVersion on update. */
export type DatasetDraft = S['DatasetDraft'];
/** POST /products: a listing (上架) of a registered dataset. */
export type ProductRequest = S['ProductRequest'];
/** POST /products/{id}/consent: the holding department's consent, optionally for named operators. */
export type ConsentRequest = S['ConsentRequest'];
export type HolderConsent = S['HolderConsent'];
/** GET /datasets/{id}/quality: the data's quality report (aggregates only). */
export type QualityReport = S['QualityReport'];
export type ColumnQuality = S['ColumnQuality'];
export type UpdateFrequency = DatasetDraft['updateFrequency'];
export type SharingType = DatasetDraft['sharingType'];
export type Openness = DatasetDraft['openness'];

/**
 * The transitions a view's `actions` may name (the last path segment of POST …/{id}/<action>). The
 * OpenAPI document types `actions` as string[]; these are the names each resource's endpoints take.
 */
export type LicenseAction = 'approve' | 'reject' | 'accept' | 'suspend' | 'resume' | 'revoke';
export type JobAction = 'cancel' | 'release' | 'reject';
export type DatasetAction = 'submit' | 'accept' | 'register' | 'return';
export type ObjectionAction = 'uphold' | 'confirm' | 'dismiss';
export type ProductAction = 'withdraw';
export type CaseAction = 'answer';
export type OrganizationAction = 'verify' | 'suspend' | 'reinstate';

/** GET /datasets: one page with facet counts (the generated DatasetPage with its fields required). */
export type DatasetPage = Required<Pick<S['DatasetPage'], 'items' | 'total' | 'page' | 'size' | 'facets'>>;

/** GET /ledger: the envelope with the ledger's totals (LedgerPage), read with its fields required. */
export interface LedgerAnswer {
  entries: LedgerEntry[];
  totalDebitFen: number;
  totalCreditFen: number;
  balanced: boolean;
}

/** GET /efficiency (a map in the OpenAPI document). */
export interface EfficiencyFigures {
  applications: number;
  autoApproved: number;
  autoApprovedShare: number;
  decided: number;
  medianSecondsToDecision: number;
  p90SecondsToDecision: number;
  inReview: number;
  reviewsPastSla: number;
  reviewSlaHours: number;
  months: { month: string; calls: number; revenueFen: number; applications?: number }[];
  /** 好差评: ratings per level and the cases' counts. */
  satisfaction?: SatisfactionSummary | null;
}

/**
 * What the workspace page shows of GET /licenses/{id}/workspace: the datasets (aliases) a license may
 * query — one today, several once joins are licensed — with their columns and uses, and the templates.
 */
export interface Workspace {
  licenseId: string;
  grade?: Grade;
  datasets: WorkspaceDataset[];
  templates: WorkspaceTemplate[];
  epsilonMin?: number | null;
  epsilonMax?: number | null;
  epsilonDefault?: number | null;
  k?: number | null;
  rowCap?: number | null;
  release?: string | null;
  /** Whether the workspace was derived in the browser from the license and dataset. */
  derived?: boolean;
  /** The organization's other licenses whose dataset may be joined with this one in a job (a clean room). */
  combinable?: WorkspaceCombinable[];
}

/** A dataset a job may join under another license of the organization, with the columns to join on. */
export interface WorkspaceCombinable {
  licenseId: string;
  datasetId?: string;
  nameZh?: string;
  nameEn?: string;
  grade?: Grade;
  alias: string;
  joinKeys: { column: string; joinKey: string }[];
}

export interface WorkspaceDataset {
  alias: string;
  datasetId?: string;
  nameZh?: string;
  nameEn?: string;
  grade?: Grade;
  columns: WorkspaceColumn[];
}

export type WorkspaceColumn = Omit<S['WorkspaceColumn'], 'name' | 'tag'> & { name: string; tag?: ColumnTag };

export type WorkspaceTemplate = ApiTemplate & { id: string };

// ---- 好差评 (satisfaction and complaints) -------------------------------------------------------
// until schema.d.ts is regenerated: the records of io.pdx.contracts.satisfaction, field for field.

/** SatisfactionLevel: 非常满意, 满意, 基本满意, 不满意, 非常不满意. */
export type SatisfactionLevel = 'VERY_SATISFIED' | 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED' | 'VERY_DISSATISFIED';
/** ServiceEventKind: what a rating or a complaint is about. */
export type ServiceEventKind = 'LICENSE_DECISION' | 'RESULT_RELEASE' | 'REGISTRATION';
export type CaseStatus = 'OPEN' | 'ANSWERED';
export type CaseOrigin = 'RATING' | 'COMPLAINT';

/** POST /ratings (RatingRequest). */
export interface RatingRequest {
  eventKind: ServiceEventKind;
  eventId: string;
  level: SatisfactionLevel;
  comment?: string;
}

/** RatingView. */
export interface RatingView {
  id?: string;
  eventKind?: ServiceEventKind;
  eventId?: string;
  level?: SatisfactionLevel;
  comment?: string | null;
  ratedBy?: string;
  ratedAt?: string;
  caseId?: string | null;
}

/** POST /complaints (ComplaintRequest). */
export interface ComplaintRequest {
  eventKind: ServiceEventKind;
  eventId: string;
  text: string;
}

/** CaseView: a case (工单) opened by a poor rating or a complaint. */
export interface CaseView {
  id?: string;
  origin?: CaseOrigin;
  eventKind?: ServiceEventKind;
  eventId?: string;
  level?: SatisfactionLevel | null;
  text?: string | null;
  openedBy?: string;
  openedAt?: string;
  /** ISO date (Asia/Shanghai): the last working day of the answer's deadline. */
  answerDue?: string;
  overdue: boolean;
  status?: CaseStatus;
  answer?: string | null;
  answeredBy?: string | null;
  answeredAt?: string | null;
  actions: string[];
}

/** POST /cases/{id}/answer (CaseAnswer). */
export interface CaseAnswer {
  answer: string;
}

/** GET /satisfaction/summary (SatisfactionSummary): counts only. */
export interface SatisfactionSummary {
  ratings?: number;
  levels?: Record<SatisfactionLevel, number>;
  byEventKind?: { eventKind?: ServiceEventKind; ratings?: number; levels?: Record<SatisfactionLevel, number> }[];
  cases?: { opened?: number; open?: number; answeredOnTime?: number; answeredLate?: number; overdueNow?: number };
}

/** Page<RatingView> and Page<CaseView>. */
export interface RatingPage {
  items?: RatingView[];
  total?: number;
  page?: number;
  size?: number;
}
export interface CasePage {
  items?: CaseView[];
  total?: number;
  page?: number;
  size?: number;
}
