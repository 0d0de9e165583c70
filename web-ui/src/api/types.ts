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
export type AmendmentRequest = S['AmendmentRequest'];
export type GradeProposal = S['GradeProposal'];
export type GradeProposalRequest = S['GradeProposalRequest'];
export type ProductWithdrawal = S['ProductWithdrawal'];
export type OrganizationRequest = S['OrganizationRequest'];
export type OrganizationView = S['OrganizationView'];
export type AllowanceView = S['AllowanceView'];
export type LedgerPeriod = S['LedgerPeriodView'];
export type AllowanceRequest = S['AllowanceRequest'];
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
/** GET /fee-notices: 收费公示, a product's price in force, its basis and every price it had (anonymous). */
export type FeeNotice = S['FeeNotice'];
export type FeePeriod = S['FeePeriod'];
export type FeeNoticePage = S['PageFeeNotice'];
/** POST /products/{id}/price: the bureau's new unit price (whole fen, within the cap) and its basis. */
export type PriceChangeRequest = S['PriceChangeRequest'];
/** GET /disclosures/{year}: 年度披露, a draft (the bureau's) or published, with both digests and its figures. */
export type DisclosureView = S['DisclosureView'];
export type DisclosureStatus = S['DisclosureStatus'];
export type DisclosureContent = S['DisclosureContent'];
export type DisclosureAuthorization = S['Authorization'];
export type ProductFees = S['ProductFees'];
export type DisclosurePage = S['PageDisclosureView'];
/** POST /invoices/{id}/reverse: 冲销 with its reason. */
export type InvoiceReversal = S['InvoiceReversal'];
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
export type DisclosureAction = 'publish';
export type InvoiceAction = 'pay' | 'reverse';
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
// the records of io.pdx.contracts.satisfaction
export type SatisfactionLevel = S['SatisfactionLevel'];
export type ServiceEventKind = S['ServiceEventKind'];
export type CaseStatus = S['CaseStatus'];
export type CaseOrigin = S['CaseOrigin'];
export type RatingRequest = S['RatingRequest'];
export type RatingView = S['RatingView'];
export type ComplaintRequest = S['ComplaintRequest'];
export type CaseView = S['CaseView'];
export type CaseAnswer = S['CaseAnswer'];
export type SatisfactionSummary = S['SatisfactionSummary'];
export type RatingPage = S['PageRatingView'];
export type CasePage = S['PageCaseView'];
