// Data for the journeys, made through the API (tokens from the dev-only password grant of pdx-cli),
// tolerant of what earlier runs left behind.
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const WEB = process.env['PDX_WEB_URL'] ?? 'http://127.0.0.1:8080';
export const API = process.env['PDX_API_URL'] ?? 'http://127.0.0.1:8080';
export const KEYCLOAK = process.env['PDX_KEYCLOAK_URL'] ?? 'http://127.0.0.1:8180';
export const PASSWORD = 'pdx-demo';
export const ORG_A = '91350100M000100Y43';
export const SCREENSHOTS = join(process.cwd(), 'test-results');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for marketplace-api and Keycloak (the stack may be restarting). */
export async function waitForStack(timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const [api, kc] = await Promise.all([fetch(`${API}/q/health/ready`), fetch(`${KEYCLOAK}/realms/pdx`)]);
      if (api.ok && kc.ok) return;
      last = `api ${api.status}, keycloak ${kc.status}`;
    } catch (e) {
      last = String(e);
    }
    await sleep(2000);
  }
  throw new Error(`the stack is not up: ${last}`);
}

const tokens = new Map<string, { token: string; until: number }>();

export async function token(user: string): Promise<string> {
  const cached = tokens.get(user);
  if (cached && cached.until > Date.now()) return cached.token;
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${KEYCLOAK}/realms/pdx/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'pdx-cli', username: user, password: PASSWORD }),
    }).catch((e: unknown) => e);
    if (res instanceof Response && res.ok) {
      const body = (await res.json()) as { access_token: string; expires_in: number };
      tokens.set(user, { token: body.access_token, until: Date.now() + (body.expires_in - 30) * 1000 });
      return body.access_token;
    }
    if (attempt >= 5) throw new Error(`no token for ${user}: ${res instanceof Response ? res.status : String(res)}`);
    await sleep(2000);
  }
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/** One API call as a user; retries while the stack answers 502/503 or not at all. */
export async function api<T = unknown>(user: string | null, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (user) headers['Authorization'] = `Bearer ${await token(user)}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${API}/api/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }).catch(
      (e: unknown) => e,
    );
    if (res instanceof Response && ![502, 503].includes(res.status)) {
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* text */
      }
      return { status: res.status, body: parsed as T };
    }
    if (attempt >= 5) throw new Error(`${method} ${path}: ${res instanceof Response ? res.status : String(res)}`);
    // The stack may be restarting: wait until it answers again.
    await waitForStack();
    await sleep(1000);
  }
}

export function items<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const o = body as { items?: T[] };
  return o?.items ?? [];
}

// ---- organizations, products, licenses ------------------------------------------------------------

export async function ensureOrganization(operator: string, uscc: string, name: string): Promise<void> {
  const created = await api(operator, 'POST', '/organizations', {
    name,
    uscc,
    legalRepresentative: '陈伟',
    contactName: '林静',
    contactPhone: '0591-12345678',
    contactEmail: 'ops@example.cn',
  });
  expect([201, 409], JSON.stringify(created.body)).toContain(created.status);
  await verifyOrganization(uscc);
}

export async function verifyOrganization(uscc: string): Promise<void> {
  const org = await api<{ status: string }>('reviewer-1', 'GET', `/organizations/${uscc}`);
  if (org.body.status === 'VERIFIED') return;
  const verified = await api('reviewer-1', 'POST', `/organizations/${uscc}/verify`);
  expect([200, 409], JSON.stringify(verified.body)).toContain(verified.status);
}

export interface Product {
  id: string;
  nameZh: string;
  grade: string;
  datasetId: string;
}

export async function product(nameZh: string, user = 'operator-a'): Promise<Product> {
  const all = await api(user, 'GET', '/products?size=100');
  const found = items<Product>(all.body).find((p) => p.nameZh === nameZh);
  if (!found) throw new Error(`no product ${nameZh}: ${JSON.stringify(all.body).slice(0, 300)}`);
  return found;
}

export interface License {
  id: string;
  state: string;
  decisionOutcome: string;
  approvedBy?: string[];
}

/** A term in force from today (bureau time), so that results are released under it at once. */
function term(): { termStart: string; termEnd: string } {
  const start = new Date(Date.now() + 8 * 3_600_000);
  const end = new Date(start.getTime() + 300 * 86_400_000);
  return { termStart: start.toISOString().slice(0, 10), termEnd: end.toISOString().slice(0, 10) };
}

export async function apply(operator: string, productId: string, columns: string[], purposeCategory = 'PUBLIC_GOVERNANCE'): Promise<License> {
  const res = await api<License>(operator, 'POST', '/licenses', {
    productId,
    purposeCategory,
    purposeText: `端到端测试 ${new Date().toISOString()}`,
    columns,
    mode: 'SANDBOX',
    ...term(),
    expectedVolume: 100,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** An ACTIVE sandbox license of organization A on a product (reviewed by two reviewers where needed). */
export async function activeLicense(productName: string, columns: string[], purpose = 'PUBLIC_GOVERNANCE'): Promise<License> {
  await ensureOrganization('operator-a', ORG_A, '闽数科技有限公司');
  const p = await product(productName);
  const res = { body: await apply('operator-a', p.id, columns, purpose) };
  let license = res.body;
  if (license.state === 'IN_REVIEW') {
    for (const reviewer of ['reviewer-1', 'reviewer-2']) {
      const r = await api<License>(reviewer, 'POST', `/licenses/${license.id}/approve`);
      expect([200], JSON.stringify(r.body)).toContain(r.status);
      license = r.body;
      if (license.state === 'APPROVED') break;
    }
  }
  expect(license.state, JSON.stringify(license)).toBe('APPROVED');
  const accepted = await api<License>('operator-a', 'POST', `/licenses/${license.id}/accept`);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  expect(accepted.body.state).toBe('ACTIVE');
  return accepted.body;
}

export interface Job {
  id: string;
  state: string;
}

export async function runJob(user: string, licenseId: string, sql: string, epsilon?: number): Promise<Job> {
  const res = await api<Job>(user, 'POST', '/sandbox/jobs', { licenseId, sql, ...(epsilon ? { epsilon } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  let job = res.body;
  for (let i = 0; i < 20 && !['RELEASED', 'REJECTED', 'FAILED', 'CANCELLED', 'AWAITING_RELEASE'].includes(job.state); i++) {
    job = (await api<Job>(user, 'GET', `/sandbox/jobs/${job.id}?wait=PT10S`)).body;
  }
  return job;
}

// ---- Keycloak: a fresh operator for the registration journey --------------------------------------

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function randomUscc(): string {
  let first17 = '91350100';
  for (let i = 0; i < 9; i++) first17 += ALPHABET[Math.floor(Math.random() * 31)];
  const sum = [...first17].reduce((s, c, i) => s + ALPHABET.indexOf(c) * (WEIGHTS[i] ?? 0), 0);
  const r = 31 - (sum % 31);
  return first17 + ALPHABET[r === 31 ? 0 : r];
}

/**
 * Creates operator `username` of organization `uscc` with Keycloak's admin API. Throws, naming the step and Keycloak's
 * answer, when any step fails: the registration journey needs a user without an organization, never a fallback.
 */
export async function createOperator(username: string, uscc: string): Promise<void> {
  const step = async (what: string, res: Response, expected: number[]): Promise<Response> => {
    if (!expected.includes(res.status)) {
      throw new Error(`creating operator ${username}: ${what} answered ${res.status} ${(await res.text()).slice(0, 300)}`);
    }
    return res;
  };
  const tokenRes = await step(
    'the admin login',
    await fetch(`${KEYCLOAK}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: process.env['PDX_KEYCLOAK_ADMIN'] ?? 'admin',
        password: process.env['PDX_KEYCLOAK_ADMIN_PASSWORD'] ?? 'pdx-admin',
      }),
    }),
    [200],
  );
  const admin = ((await tokenRes.json()) as { access_token: string }).access_token;
  const h = { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' };
  await step(
    'the user',
    await fetch(`${KEYCLOAK}/admin/realms/pdx/users`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({
        username,
        enabled: true,
        emailVerified: true,
        firstName: '测试',
        lastName: '运营员',
        email: `${username}@pdx.example`,
        attributes: { org_id: [uscc] },
        credentials: [{ type: 'password', value: PASSWORD, temporary: false }],
      }),
    }),
    [201],
  );
  const usersRes = await step(
    'the user lookup',
    await fetch(`${KEYCLOAK}/admin/realms/pdx/users?username=${encodeURIComponent(username)}&exact=true`, { headers: h }),
    [200],
  );
  const users = (await usersRes.json()) as { id: string }[];
  if (users.length !== 1 || !users[0]) throw new Error(`creating operator ${username}: found ${users.length} users of that name`);
  const role = await (await step('the operator role', await fetch(`${KEYCLOAK}/admin/realms/pdx/roles/operator`, { headers: h }), [200])).json();
  await step(
    'the role mapping',
    await fetch(`${KEYCLOAK}/admin/realms/pdx/users/${users[0].id}/role-mappings/realm`, { method: 'POST', headers: h, body: JSON.stringify([role]) }),
    [204],
  );
}

// ---- the browser ----------------------------------------------------------------------------------

/** Logs in through the real Keycloak login page and comes back to `path`. */
export async function login(page: Page, user: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByTestId('login').first().click();
  await page.waitForURL(/\/realms\/pdx\/protocol\/openid-connect\/auth|login-actions/);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.toString().startsWith(WEB) && !url.pathname.startsWith('/auth/'));
  await expect(page.getByTestId('current-user')).toContainText(user);
}

/** The journey's last page at 1280×800 and at 390 px wide. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-1280x800.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-390.png`), fullPage: true });
  // Nothing may be wider than the screen except inside a scrolling table.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'page wider than 390 px').toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** No serious or critical axe violation on the page as it is. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `${what}: serious or critical accessibility violations`).toEqual([]);
}
