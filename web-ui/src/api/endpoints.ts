// Every call the console makes to marketplace-api (/api/v1).
import { asListPage, type ListPage } from '../lib/list';
import { DEFAULT_REFERENCE, guessAlias, mergeReference, type Reference } from '../lib/reference';
import { ApiError, isApiError, parseProblem } from '../lib/problem';
import { accessToken, apiFetch } from './http';
import type { TableView } from './types';
import type {
  AllowanceView,
  LedgerPeriod,
  ApiWorkspace,
  ColumnTag,
  AuditEvent,
  AuditVerification,
  CertificateVerification,
  ConsentRequest,
  DatasetDraft,
  DatasetPage,
  DatasetSummary,
  EfficiencyFigures,
  InvoiceLine,
  JobRequest,
  JobState,
  JobView,
  LedgerAnswer,
  LicenseAction,
  LicenseApplication,
  LicenseView,
  ObjectionAction,
  ObjectionPage,
  ObjectionView,
  OrganizationAction,
  OrganizationRequest,
  OrganizationView,
  DatasetUsage,
  DisclosurePage,
  DisclosureView,
  FeeNotice,
  FeeNoticePage,
  PriceChangeRequest,
  AmendmentRequest,
  GradeProposal,
  GradeProposalRequest,
  ProductRequest,
  ProductView,
  PublicityPage,
  QualityReport,
  Workspace,
  CaseAnswer,
  CasePage,
  CaseStatus,
  CaseView,
  ComplaintRequest,
  RatingPage,
  RatingRequest,
  RatingView,
  SatisfactionSummary,
  ServiceEventKind,
} from './types';

export const API = '/api/v1';

function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

// ---- catalog ------------------------------------------------------------------------------------

export interface DatasetQuery {
  q?: string | undefined;
  category?: string | undefined;
  grade?: string | undefined;
  provider?: string | undefined;
  openness?: string | undefined;
  status?: string | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  size?: number | undefined;
}

export async function listDatasets(query: DatasetQuery, signal?: AbortSignal): Promise<DatasetPage> {
  const body = await apiFetch<Partial<DatasetPage>>(`${API}/datasets${qs({ ...query })}`, signal ? { signal } : {});
  return {
    items: body.items ?? [],
    total: body.total ?? 0,
    page: body.page ?? 0,
    size: body.size ?? 20,
    facets: body.facets ?? {},
  };
}

export const getDataset = (id: string) => apiFetch<DatasetSummary>(`${API}/datasets/${encodeURIComponent(id)}`);
export const dcatUrl = (id: string) => `${API}/datasets/${encodeURIComponent(id)}/dcat`;
/** 开放数据: an open dataset's rows for anyone, no token needed (a plain link the browser downloads). */
export const openDataUrl = (id: string, format: 'csv' | 'parquet' | 'arrow') =>
  `${API}/open/datasets/${encodeURIComponent(id)}/data?format=${format}`;
export const registerDataset = (id: string) =>
  apiFetch<DatasetSummary>(`${API}/datasets/${encodeURIComponent(id)}/register`, { method: 'POST' });
export const returnDataset = (id: string, reasons: string[]) =>
  apiFetch<DatasetSummary>(`${API}/datasets/${encodeURIComponent(id)}/return`, { method: 'POST', body: { reasons } });
// ---- the holding department (数源单位) ---------------------------------------------------------------

/** A department's own datasets in every state (a provider sees its department's drafts too). */
export const listDepartmentDatasets = (provider: string) => listDatasets({ provider, size: 200, sort: '-updatedAt' });
export const createDataset = (draft: DatasetDraft) => apiFetch<DatasetSummary>(`${API}/datasets`, { method: 'POST', body: draft });
export const updateDataset = (id: string, draft: DatasetDraft) =>
  apiFetch<DatasetSummary>(`${API}/datasets/${encodeURIComponent(id)}`, { method: 'PUT', body: draft });
/** The holding department submits a draft or a returned registration for review: DRAFT/RETURNED → SUBMITTED. */
/** A new registration amending a registered version: CHANGE (a new version), CORRECTION or CANCELLATION, with a reason. */
export const amendDataset = (id: string, request: AmendmentRequest) =>
  apiFetch<DatasetSummary>(`${API}/datasets/${encodeURIComponent(id)}/versions`, { method: 'POST', body: request });
export const submitDataset = (id: string) =>
  apiFetch<DatasetSummary>(`${API}/datasets/${encodeURIComponent(id)}/submit`, { method: 'POST' });
export const createProduct = (request: ProductRequest) => apiFetch<ProductView>(`${API}/products`, { method: 'POST', body: request });
export const consentToProduct = (id: string, request: ConsentRequest) =>
  apiFetch<ProductView>(`${API}/products/${encodeURIComponent(id)}/consent`, { method: 'POST', body: request });
export const getQuality = (id: string) => apiFetch<QualityReport>(`${API}/datasets/${encodeURIComponent(id)}/quality`);

/** Streams a registered version's data into the domain (数据入域) with upload progress (0–1); the quality report. */
export function uploadDatasetData(id: string, file: File, onProgress: (sent: number) => void): Promise<QualityReport> {
  const parquet = file.name.toLowerCase().endsWith('.parquet');
  return xhrUpload<QualityReport>(`${API}/datasets/${encodeURIComponent(id)}/data`, file, parquet ? 'application/vnd.apache.parquet' : 'text/csv', onProgress);
}

/** A reviewer accepts a submitted registration into publicity (公示): SUBMITTED → PUBLICITY. */
export const acceptDataset = (id: string) =>
  apiFetch<DatasetSummary>(`${API}/datasets/${encodeURIComponent(id)}/accept`, { method: 'POST' });

// ---- publicity, objections, certificates ---------------------------------------------------------

/** Registrations in their publicity window (anonymous). */
export const listPublicity = (page = 0, size = 100) =>
  apiFetch<PublicityPage>(`${API}/registrations/publicity${qs({ page, size })}`);
/** The objections to a registration the caller may read (holder and bureau all, anyone else their own). */
export const listObjections = (datasetId: string) =>
  apiFetch<ObjectionPage>(`${API}/datasets/${encodeURIComponent(datasetId)}/objections${qs({ size: 200 })}`);
export const lodgeObjection = (datasetId: string, reasons: string) =>
  apiFetch<ObjectionView>(`${API}/datasets/${encodeURIComponent(datasetId)}/objections`, { method: 'POST', body: { reasons } });
/** A reviewer's answer: uphold (propose), confirm (a second reviewer) or dismiss, always in writing. */
export const objectionAction = (id: string, action: ObjectionAction, answer: string) =>
  apiFetch<ObjectionView>(`${API}/objections/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: { answer } });

/** A certificate by its registration code (anonymous); an unknown code is a 404 problem certificate-not-found. */
export const verifyCertificate = (code: string) => apiFetch<CertificateVerification>(`${API}/certificates/${encodeURIComponent(code)}`);
export const certificatePdfUrl = (code: string) => `${API}/certificates/${encodeURIComponent(code)}/pdf`;
export const certificatePublicKeyUrl = `${API}/certificates/public-key`;

export async function listProducts(query: { datasetId?: string; page?: number; size?: number } = {}): Promise<ProductView[]> {
  const body = await apiFetch<ListPage<ProductView> | ProductView[]>(`${API}/products${qs({ size: 100, ...query })}`);
  return asListPage<ProductView>(body).items;
}

export const getProduct = (id: string) => apiFetch<ProductView>(`${API}/products/${encodeURIComponent(id)}`);
export const withdrawProduct = (id: string, reason: string) =>
  apiFetch<ProductView>(`${API}/products/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body: { reason } });
/** 调价: the bureau admin's new unit price for a listed, priced product, within its cap, with its basis. */
export const changeProductPrice = (id: string, request: PriceChangeRequest) =>
  apiFetch<ProductView>(`${API}/products/${encodeURIComponent(id)}/price`, { method: 'POST', body: request });
export const proposeGrade = (request: GradeProposalRequest) =>
  apiFetch<GradeProposal>(`${API}/grade-proposals`, { method: 'POST', body: request });
export const getDatasetUsage = (id: string) => apiFetch<DatasetUsage>(`${API}/datasets/${encodeURIComponent(id)}/usage`);

// ---- 收费公示 and 年度披露 (anonymous reads) ---------------------------------------------------------

/** Fee notices, one page of them (anonymous). */
export const listFeeNotices = (page = 0, size = 20) => apiFetch<FeeNoticePage>(`${API}/fee-notices${qs({ page, size })}`);
export const getFeeNotice = (productId: string) => apiFetch<FeeNotice>(`${API}/fee-notices/${encodeURIComponent(productId)}`);

/** Published disclosures for anyone; the bureau sees the drafts too (the list carries no figures). */
export const listDisclosures = () => apiFetch<DisclosurePage>(`${API}/disclosures`);
export const getDisclosure = (year: number) => apiFetch<DisclosureView>(`${API}/disclosures/${year}`);
/** The bureau admin draws a year's draft (again); 409 once published, 422 for a year not begun. */
export const prepareDisclosure = (year: number) => apiFetch<DisclosureView>(`${API}/disclosures/${year}/prepare`, { method: 'POST' });
/** Publishing is final; only once the year is over (409 year-not-over before). */
export const publishDisclosure = (year: number) => apiFetch<DisclosureView>(`${API}/disclosures/${year}/publish`, { method: 'POST' });
export type DisclosureFormat = 'pdf' | 'html' | 'json';
/** A published disclosure's document as a plain link (anonymous). */
export const disclosureUrl = (year: number, format: DisclosureFormat) => `${API}/disclosures/${year}/${format}`;
/** A disclosure's document fetched with the caller's token (a draft is the bureau's only). */
export const fetchDisclosureDocument = (year: number, format: DisclosureFormat) =>
  apiFetch<Blob>(disclosureUrl(year, format), {
    as: 'blob',
    accept: `${format === 'pdf' ? 'application/pdf' : format === 'html' ? 'text/html' : 'application/json'}, application/problem+json`,
  });

// ---- organizations -------------------------------------------------------------------------------

export const registerOrganization = (request: OrganizationRequest) =>
  apiFetch<OrganizationView>(`${API}/organizations`, { method: 'POST', body: request });
export const getOrganization = (id: string) => apiFetch<OrganizationView>(`${API}/organizations/${encodeURIComponent(id)}`);
export const organizationAction = (id: string, action: OrganizationAction) =>
  apiFetch<OrganizationView>(`${API}/organizations/${encodeURIComponent(id)}/${action}`, { method: 'POST' });

/** Organizations (of one status, for the bureau's queue; all, up to `size`); null when the API offers no such list. */
export async function listOrganizations(status?: string, size?: number): Promise<OrganizationView[] | null> {
  try {
    const body = await apiFetch<unknown>(`${API}/organizations${qs({ status, size })}`);
    return asListPage<OrganizationView>(body).items;
  } catch (e) {
    if (isApiError(e) && [404, 405].includes(e.problem.status)) return null;
    throw e;
  }
}

// ---- licenses ------------------------------------------------------------------------------------

export const applyForLicense = (application: LicenseApplication) =>
  apiFetch<LicenseView>(`${API}/licenses`, { method: 'POST', body: application });

export async function listLicenses(state?: string): Promise<ListPage<LicenseView>> {
  return asListPage<LicenseView>(await apiFetch<unknown>(`${API}/licenses${qs({ state, size: 500 })}`));
}

export const getLicense = (id: string) => apiFetch<LicenseView>(`${API}/licenses/${encodeURIComponent(id)}`);
export const getContract = (id: string) =>
  apiFetch<string>(`${API}/licenses/${encodeURIComponent(id)}/contract`, { as: 'text', accept: 'text/plain, application/problem+json' });

export type { LicenseAction };
export const licenseAction = (id: string, action: LicenseAction, reason?: string) =>
  apiFetch<LicenseView>(`${API}/licenses/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    ...(reason !== undefined ? { body: { reason } } : {}),
  });

/**
 * What a developer may query under a license. Uses GET /licenses/{id}/workspace; while that endpoint
 * is missing (404/405), derives it from the license and its dataset.
 */
export async function getWorkspace(license: LicenseView, reference: Reference = DEFAULT_REFERENCE): Promise<Workspace> {
  const id = license.id ?? '';
  try {
    const body = await apiFetch<ApiWorkspace>(`${API}/licenses/${encodeURIComponent(id)}/workspace`);
    return fromApiWorkspace(body, id);
  } catch (e) {
    if (!(isApiError(e) && [404, 405, 501].includes(e.problem.status))) throw e;
  }
  const dataset = license.datasetId ? await getDataset(license.datasetId) : null;
  const grade = dataset?.grade;
  const uses = reference.columnUses[grade ?? 'GENERAL'] ?? {};
  const licensed = new Set(license.columns ?? []);
  return {
    licenseId: id,
    ...(grade ? { grade } : {}),
    derived: true,
    epsilonMin: grade ? reference.epsilon[grade]?.min ?? null : null,
    epsilonMax: grade ? reference.epsilon[grade]?.max ?? null : null,
    templates: [],
    datasets: [
      {
        alias: guessAlias(dataset?.nameZh, dataset?.nameEn),
        ...(dataset?.id ? { datasetId: dataset.id } : {}),
        ...(dataset?.nameZh ? { nameZh: dataset.nameZh } : {}),
        ...(dataset?.nameEn ? { nameEn: dataset.nameEn } : {}),
        ...(grade ? { grade } : {}),
        columns: (dataset?.columns ?? [])
          .filter((c) => licensed.size === 0 || licensed.has(c.name ?? ''))
          .map((c) => ({
            name: c.name ?? '',
            ...(c.type ? { type: c.type } : {}),
            ...(c.tag ? { tag: c.tag } : {}),
            ...(c.description ? { description: c.description } : {}),
            uses: c.tag ? uses[c.tag] ?? [] : [],
          })),
      },
    ],
  };
}

/** The workspace of a license the caller may join (a clean room), as the page's model. */
export async function getJoinedWorkspace(licenseId: string): Promise<Workspace> {
  return fromApiWorkspace(await apiFetch<ApiWorkspace>(`${API}/licenses/${encodeURIComponent(licenseId)}/workspace`), licenseId);
}

/** The API's workspace (one dataset) as the page's model. */
export function fromApiWorkspace(w: ApiWorkspace, id: string): Workspace {
  const tags = ['IDENTIFIER', 'QUASI_IDENTIFIER', 'SENSITIVE', 'ATTRIBUTE', 'METRIC'];
  return {
    licenseId: w.licenseId ?? id,
    ...(w.grade && ['GENERAL', 'IMPORTANT', 'CORE'].includes(w.grade) ? { grade: w.grade as Workspace['grade'] & string } : {}),
    epsilonMin: w.privacy?.epsilonMin ?? null,
    epsilonMax: w.privacy?.epsilonMax ?? null,
    epsilonDefault: w.privacy?.epsilonDefault ?? null,
    k: w.k ?? null,
    rowCap: w.rowCap ?? null,
    release: w.release ?? null,
    templates: (w.templates ?? []).filter((t): t is typeof t & { id: string } => Boolean(t.id)),
    combinable: (w.combinable ?? [])
      .filter((c) => Boolean(c.licenseId) && Boolean(c.alias))
      .map((c) => ({
        licenseId: c.licenseId ?? '',
        alias: c.alias ?? '',
        ...(c.datasetId ? { datasetId: c.datasetId } : {}),
        ...(c.datasetNameZh ? { nameZh: c.datasetNameZh } : {}),
        ...(c.datasetNameEn ? { nameEn: c.datasetNameEn } : {}),
        ...(c.grade && ['GENERAL', 'IMPORTANT', 'CORE'].includes(c.grade) ? { grade: c.grade as Workspace['grade'] & string } : {}),
        joinKeys: (c.joinKeys ?? []).map((k) => ({ column: k.column ?? '', joinKey: k.joinKey ?? '' })),
      })),
    datasets: [
      {
        alias: w.alias ?? '',
        ...(w.datasetId ? { datasetId: w.datasetId } : {}),
        ...(w.datasetNameZh ? { nameZh: w.datasetNameZh } : {}),
        ...(w.datasetNameEn ? { nameEn: w.datasetNameEn } : {}),
        columns: (w.columns ?? []).map((c) => {
          const { tag, name, ...rest } = c;
          return { ...rest, name: name ?? '', ...(tag && tags.includes(tag) ? { tag: tag as ColumnTag } : {}) };
        }),
      },
    ],
  };
}

// ---- own tables (自有数据) ---------------------------------------------------------------------------

export async function listTables(): Promise<TableView[]> {
  return asListPage<TableView>(await apiFetch<unknown>(`${API}/tables`)).items;
}
export const confirmTable = (id: string, columns: unknown[]) =>
  apiFetch<TableView>(`${API}/tables/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: { columns } });
export const deleteTable = (id: string) => apiFetch<TableView>(`${API}/tables/${encodeURIComponent(id)}`, { method: 'DELETE' });

/**
 * Streams a file as a new own table, reporting the share sent (0–1) as it goes (XMLHttpRequest: fetch reports no
 * upload progress); the table, or the problem the API answered.
 */
export function uploadTable(file: File, alias: string, onProgress: (sent: number) => void): Promise<TableView> {
  const format = file.name.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv';
  return xhrUpload<TableView>(
    `${API}/tables?${new URLSearchParams({ alias, format }).toString()}`,
    file,
    format === 'parquet' ? 'application/vnd.apache.parquet' : 'text/csv',
    onProgress,
  );
}

/** POSTs a file as the body with XMLHttpRequest (fetch reports no upload progress): the JSON answer or the problem. */
function xhrUpload<T>(url: string, file: File, contentType: string, onProgress: (sent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    const token = accessToken();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Content-Type', contentType);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown = undefined;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = request.responseText;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(new ApiError(parseProblem(body, request.status, request.statusText)));
    };
    request.onerror = () => reject(new ApiError(parseProblem(undefined, 0, 'network')));
    request.send(file);
  });
}

// ---- sandbox jobs --------------------------------------------------------------------------------

export async function listJobs(state?: JobState): Promise<ListPage<JobView>> {
  return asListPage<JobView>(await apiFetch<unknown>(`${API}/sandbox/jobs${qs({ state, size: 200 })}`));
}
export const getJob = (id: string, wait?: string, signal?: AbortSignal) =>
  apiFetch<JobView>(`${API}/sandbox/jobs/${encodeURIComponent(id)}${qs({ wait })}`, signal ? { signal } : {});
export const submitJob = (request: JobRequest) => apiFetch<JobView>(`${API}/sandbox/jobs`, { method: 'POST', body: request });
export const releaseJob = (id: string) => apiFetch<JobView>(`${API}/sandbox/jobs/${encodeURIComponent(id)}/release`, { method: 'POST' });
export const rejectJob = (id: string, reason: string) =>
  apiFetch<JobView>(`${API}/sandbox/jobs/${encodeURIComponent(id)}/reject`, { method: 'POST', body: { reason } });
export const cancelJob = (id: string) => apiFetch<JobView>(`${API}/sandbox/jobs/${encodeURIComponent(id)}/cancel`, { method: 'POST' });

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

export const resultUrl = (id: string, format?: 'arrow' | 'json' | 'parquet') =>
  `${API}/sandbox/jobs/${encodeURIComponent(id)}/result${format && format !== 'arrow' ? `?format=${format}` : ''}`;

export const fetchResultArrow = (id: string) =>
  apiFetch<ArrayBuffer>(resultUrl(id), { as: 'arrayBuffer', accept: `${ARROW_STREAM}, application/problem+json` });
export const fetchResultBlob = (id: string, format: 'arrow' | 'parquet') =>
  apiFetch<Blob>(resultUrl(id, format), {
    as: 'blob',
    accept: `${format === 'parquet' ? 'application/vnd.apache.parquet' : ARROW_STREAM}, application/octet-stream, application/problem+json`,
  });

// ---- 好差评: ratings, complaints, cases ----------------------------------------------------------

/** The person served rates a decided event once; a poor level opens a case (caseId). */
export const createRating = (request: RatingRequest) => apiFetch<RatingView>(`${API}/ratings`, { method: 'POST', body: request });
/** The caller's own ratings (the bureau: every one), newest first. */
export const listRatings = (query: { eventKind?: ServiceEventKind; eventId?: string; page?: number; size?: number } = {}) =>
  apiFetch<RatingPage>(`${API}/ratings${qs(query)}`);
/** A complaint always opens a case. */
export const createComplaint = (request: ComplaintRequest) => apiFetch<CaseView>(`${API}/complaints`, { method: 'POST', body: request });
/** Every case for the bureau, the caller's own for anyone else; newest first. */
export const listCases = (query: { status?: CaseStatus; overdue?: boolean; page?: number; size?: number } = {}) =>
  apiFetch<CasePage>(`${API}/cases${qs({ ...query, overdue: query.overdue === undefined ? undefined : String(query.overdue) })}`);
export const getCase = (id: string) => apiFetch<CaseView>(`${API}/cases/${encodeURIComponent(id)}`);
/** The bureau's written answer: OPEN → ANSWERED. */
export const answerCase = (id: string, answer: CaseAnswer['answer']) =>
  apiFetch<CaseView>(`${API}/cases/${encodeURIComponent(id)}/answer`, { method: 'POST', body: { answer } });
/** Counts per level and of cases (anonymous). */
export const getSatisfactionSummary = () => apiFetch<SatisfactionSummary>(`${API}/satisfaction/summary`);

// ---- money, audit, efficiency, reference ---------------------------------------------------------

export async function listInvoices(): Promise<ListPage<InvoiceLine>> {
  return asListPage<InvoiceLine>(await apiFetch<unknown>(`${API}/invoices${qs({ size: 500 })}`));
}

/** 冲销: the bureau admin reverses a posted charge with its reason; 409 when reversed already or nothing was posted. */
export const reverseInvoiceLine = (id: string, reason: string) =>
  apiFetch<InvoiceLine>(`${API}/invoices/${encodeURIComponent(id)}/reverse`, { method: 'POST', body: { reason } });

export const payInvoiceLine = (id: string, reference: string) =>
  apiFetch<InvoiceLine>(`${API}/invoices/${encodeURIComponent(id)}/pay`, { method: 'POST', body: { reference } });

export async function getLedger(): Promise<LedgerAnswer> {
  const body = await apiFetch<Record<string, unknown> | unknown[]>(`${API}/ledger${qs({ size: 500 })}`);
  const entries = asListPage<LedgerAnswer['entries'][number]>(body).items;
  const o = Array.isArray(body) ? {} : body;
  const totalDebitFen = typeof o['totalDebitFen'] === 'number' ? o['totalDebitFen'] : entries.reduce((s, e) => s + (e.debitFen ?? 0), 0);
  const totalCreditFen = typeof o['totalCreditFen'] === 'number' ? o['totalCreditFen'] : entries.reduce((s, e) => s + (e.creditFen ?? 0), 0);
  const balanced = typeof o['balanced'] === 'boolean' ? o['balanced'] : totalDebitFen === totalCreditFen;
  return { entries, totalDebitFen, totalCreditFen, balanced };
}

export const getEfficiency = () => apiFetch<EfficiencyFigures>(`${API}/efficiency`);

export async function listAuditEvents(query: { afterSeq?: number; size?: number; resourceId?: string }): Promise<AuditEvent[]> {
  return asListPage<AuditEvent>(await apiFetch<unknown>(`${API}/audit/events${qs({ size: 100, ...query })}`)).items;
}
export const verifyAudit = () => apiFetch<AuditVerification>(`${API}/audit/verify`);

/**
 * Reference data (purposes, license modes, grades, review SLA): one document at /reference, or one
 * endpoint each under it; the policy's defaults for whatever the API does not serve yet.
 */
export async function getReference(): Promise<Reference> {
  try {
    return mergeReference(await apiFetch<unknown>(`${API}/reference`));
  } catch (e) {
    if (!(isApiError(e) && e.problem.status >= 400 && e.problem.status < 500)) throw e;
  }
  const parts = ['purposes', 'license-modes', 'grades', 'review-sla'] as const;
  const keys = { purposes: 'purposes', 'license-modes': 'licenseModes', grades: 'grades', 'review-sla': 'reviewSla' } as const;
  const answers = await Promise.allSettled(parts.map((p) => apiFetch<unknown>(`${API}/reference/${p}`)));
  const doc: Record<string, unknown> = {};
  answers.forEach((a, i) => {
    const part = parts[i];
    if (a.status !== 'fulfilled' || !part) return;
    const v = a.value;
    // A list endpoint may answer an envelope; a single figure an object.
    doc[keys[part]] = Array.isArray(v) ? v : typeof v === 'object' && v !== null && Array.isArray((v as { items?: unknown }).items) ? (v as { items: unknown }).items : v;
  });
  return Object.keys(doc).length > 0 ? mergeReference(doc) : DEFAULT_REFERENCE;
}

/** 最高准许收入 of an operator, every year with one, oldest first (its own organization's, or any for the bureau and the regulator). */
export async function listAllowances(organization: string): Promise<AllowanceView[]> {
  const body = await apiFetch<unknown>(`${API}/allowances/${encodeURIComponent(organization)}`);
  return asListPage<AllowanceView>(body).items;
}

export const setAllowance = (organization: string, year: number, body: { costFen: number; profitFen: number; taxFen: number; basis: string }) =>
  apiFetch<AllowanceView>(`${API}/allowances/${encodeURIComponent(organization)}/${year}`, { method: 'PUT', body });

/** The closed months of the ledger, newest first (the bureau admin, the regulator). */
export const listLedgerPeriods = () => apiFetch<LedgerPeriod[]>(`${API}/ledger/periods`);

export const closeLedgerPeriod = (month: string) =>
  apiFetch<LedgerPeriod>(`${API}/ledger/periods/${encodeURIComponent(month)}/close`, { method: 'POST' });
