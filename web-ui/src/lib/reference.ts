// Reference data: served by /api/v1/reference once the API has it; until then the policy's defaults
// (policy/data.json, version 2025.1) stand in, marked as such in the UI.

export interface Purpose {
  code: string;
  zh: string;
  en: string;
  free: boolean;
  lowRisk: boolean;
}

export interface Reference {
  purposes: Purpose[];
  licenseModes: string[];
  grades: string[];
  /** The license modes each grade allows (a product lists only these). */
  gradeModes: Record<string, string[]>;
  reviewSlaHours: number;
  maxTermMonths: number;
  /** ε range per query, per grade (null: no noise). */
  epsilon: Record<string, { min: number; max: number } | null>;
  /** How each column tag may be used in a statement, per grade. */
  columnUses: Record<string, Record<string, string[]>>;
  /** The category taxonomy: path codes ("交通/公共交通") with names in both languages. */
  taxonomy: { code: string; nameZh: string; nameEn: string; parent?: string }[];
  /** Whether these figures came from the server. */
  served: boolean;
}

export const DEFAULT_REFERENCE: Reference = {
  purposes: [
    { code: 'PUBLIC_GOVERNANCE', zh: '公共治理', en: 'Public governance', free: true, lowRisk: true },
    { code: 'PUBLIC_WELFARE', zh: '公益事业', en: 'Public welfare', free: true, lowRisk: true },
    { code: 'INDUSTRY_DEVELOPMENT', zh: '产业发展', en: 'Industry development', free: false, lowRisk: false },
    { code: 'SECTOR_DEVELOPMENT', zh: '行业发展', en: 'Sector development', free: false, lowRisk: false },
  ],
  licenseModes: ['DELIVERY', 'SANDBOX'],
  grades: ['GENERAL', 'IMPORTANT', 'CORE'],
  gradeModes: { GENERAL: ['DELIVERY', 'SANDBOX'], IMPORTANT: ['SANDBOX'], CORE: [] },
  reviewSlaHours: 120,
  maxTermMonths: 60,
  epsilon: { GENERAL: null, IMPORTANT: { min: 0.1, max: 1.0 }, CORE: null },
  columnUses: {
    GENERAL: {
      IDENTIFIER: ['JOIN', 'ENTITY_COUNT'],
      QUASI_IDENTIFIER: ['AGGREGATE', 'GROUP_BY', 'WHERE', 'JOIN'],
      SENSITIVE: ['AGGREGATE', 'GROUP_BY', 'WHERE'],
      ATTRIBUTE: ['SELECT', 'AGGREGATE', 'GROUP_BY', 'WHERE', 'JOIN'],
      METRIC: ['SELECT', 'AGGREGATE', 'GROUP_BY', 'WHERE'],
    },
    IMPORTANT: {
      IDENTIFIER: ['ENTITY_COUNT', 'JOIN'],
      QUASI_IDENTIFIER: ['AGGREGATE', 'GROUP_BY', 'WHERE', 'JOIN'],
      SENSITIVE: ['AGGREGATE', 'WHERE'],
      ATTRIBUTE: ['AGGREGATE', 'GROUP_BY', 'WHERE', 'JOIN'],
      METRIC: ['AGGREGATE', 'WHERE'],
    },
    CORE: {},
  },
  taxonomy: [],
  served: false,
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Reads whatever /api/v1/reference answers, keeping the defaults for anything it does not say. */
export function mergeReference(body: unknown, base: Reference = DEFAULT_REFERENCE): Reference {
  if (!isObject(body)) return base;
  const out: Reference = { ...base, served: true };
  const purposes = body['purposes'];
  if (Array.isArray(purposes)) {
    const parsed = purposes.filter(isObject).map((p): Purpose => {
      const code = String(p['code'] ?? p['id'] ?? '');
      const known = base.purposes.find((b) => b.code === code);
      const free = typeof p['free'] === 'boolean' ? p['free'] : p['pricing'] === 'FREE' ? true : known?.free ?? false;
      return {
        code,
        zh: String(p['zh'] ?? p['labelZh'] ?? p['nameZh'] ?? known?.zh ?? code),
        en: String(p['en'] ?? p['labelEn'] ?? p['nameEn'] ?? known?.en ?? code),
        free,
        lowRisk: typeof p['lowRisk'] === 'boolean' ? p['lowRisk'] : known?.lowRisk ?? free,
      };
    });
    if (parsed.length > 0) out.purposes = parsed.filter((p) => p.code !== '');
  }
  const modes = body['licenseModes'] ?? body['modes'];
  if (Array.isArray(modes)) {
    out.licenseModes = modes.map((m) => (isObject(m) ? String(m['code'] ?? m['id'] ?? '') : String(m))).filter(Boolean);
  }
  const sla = body['reviewSla'];
  const slaHours = num(body['reviewSlaHours']) ?? (isObject(sla) ? num(sla['hours'] ?? sla['reviewSlaHours'] ?? sla['review_sla_hours']) : num(sla));
  if (slaHours !== null) out.reviewSlaHours = slaHours;
  const maxTerm = num(body['maxTermMonths']);
  if (maxTerm !== null) out.maxTermMonths = maxTerm;
  const grades = body['grades'];
  if (Array.isArray(grades)) {
    out.grades = grades.map((g) => (isObject(g) ? String(g['code'] ?? g['id'] ?? '') : String(g))).filter(Boolean);
    const epsilon = { ...base.epsilon };
    for (const g of grades.filter(isObject)) {
      const code = String(g['code'] ?? g['id'] ?? '');
      const sandbox = isObject(g['sandbox']) ? g['sandbox'] : g;
      const min = num(sandbox['epsilonMin'] ?? sandbox['epsilon_min']);
      const max = num(sandbox['epsilonMax'] ?? sandbox['epsilon_max']);
      if (code && min !== null && max !== null) epsilon[code] = { min, max };
    }
    out.epsilon = epsilon;
    const gradeModes = { ...base.gradeModes };
    for (const g of grades.filter(isObject)) {
      const code = String(g['code'] ?? g['id'] ?? '');
      if (code && Array.isArray(g['licenseModes'])) gradeModes[code] = g['licenseModes'].map(String);
    }
    out.gradeModes = gradeModes;
  }
  const taxonomy = body['taxonomy'];
  if (Array.isArray(taxonomy)) {
    out.taxonomy = taxonomy.filter(isObject).map((c) => ({
      code: String(c['code'] ?? ''),
      nameZh: String(c['nameZh'] ?? c['code'] ?? ''),
      nameEn: String(c['nameEn'] ?? c['code'] ?? ''),
      ...(typeof c['parent'] === 'string' ? { parent: c['parent'] } : {}),
    }));
  }
  return out;
}

/**
 * The name of one level of a category path in the chosen language: the taxonomy names "交通 · 公共交通" /
 * "Transport · Public transit" level by level; the path's own word where the taxonomy is silent.
 */
export function categoryLabel(path: string, locale: 'zh' | 'en', taxonomy: Reference['taxonomy']): string {
  const depth = path.split('/').length;
  const own = path.split('/').pop() ?? path;
  const exact = taxonomy.find((c) => c.code === path);
  const pick = (c: Reference['taxonomy'][number]) => (locale === 'zh' ? c.nameZh : c.nameEn).split(' · ');
  if (exact) return pick(exact)[depth - 1] ?? pick(exact).pop() ?? own;
  const child = taxonomy.find((c) => c.code.startsWith(`${path}/`));
  if (child) return pick(child)[depth - 1] ?? own;
  return own;
}

/** A whole category path in the chosen language, levels joined by " / ". */
export function categoryPath(path: string | null | undefined, locale: 'zh' | 'en', taxonomy: Reference['taxonomy']): string {
  if (!path) return '—';
  const parts = path.split('/');
  return parts.map((_, i) => categoryLabel(parts.slice(0, i + 1).join('/'), locale, taxonomy)).join(' / ');
}

// ---- aliases ----------------------------------------------------------------------------------

/**
 * The sandbox alias of a dataset (its Parquet file name) when the workspace endpoint is not there yet:
 * the demo datasets' names, else the English name in snake case.
 */
const DEMO_ALIASES: Record<string, string> = {
  市场主体登记信息: 'market_entities',
  公交刷卡记录: 'bus_card_swipes',
  公交线路信息: 'bus_routes',
  空气质量监测小时数据: 'air_quality_hourly',
  医保结算明细: 'medical_insurance_claims',
  不动产登记信息: 'real_estate_registrations',
  城市电网负荷: 'grid_load',
};

export function guessAlias(nameZh: string | null | undefined, nameEn: string | null | undefined): string {
  if (nameZh && DEMO_ALIASES[nameZh]) return DEMO_ALIASES[nameZh];
  const snake = (nameEn ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return snake || 'dataset';
}
