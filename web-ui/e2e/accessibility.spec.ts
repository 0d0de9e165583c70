// axe on each main page of the console, per role: no serious or critical violation.
import { test } from '@playwright/test';
import { ORG_A, api, ensureOrganization, expectAccessible, items, login, waitForStack } from './stack';

test.beforeAll(async () => {
  await waitForStack();
  await ensureOrganization('operator-a', ORG_A, '闽数科技有限公司');
});

test('public pages are accessible', async ({ page }) => {
  const found = await api<{ items: { certificateNo?: string }[] }>(null, 'GET', `/datasets?q=${encodeURIComponent('公交刷卡记录')}`);
  const code = items<{ certificateNo?: string }>(found.body).find((d) => d.certificateNo)?.certificateNo ?? 'PDX-000000-2000-000000';
  for (const path of ['/publicity', `/verify?code=${code}`, '/verify?code=PDX-000000-2000-000000', '/verify', '/fees', '/disclosures']) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `${path} (anonymous)`);
  }
});

test('operator pages are accessible', async ({ page }) => {
  await login(page, 'operator-a', '/');
  await expectAccessible(page, 'catalog (signed in)');
  for (const path of ['/organization', '/licenses', '/invoices', '/publicity']) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, path);
  }
  await page.getByRole('button', { name: /English/ }).click();
  await page.goto('/licenses');
  await page.getByRole('heading', { level: 1, name: /licenses/i }).waitFor();
  await expectAccessible(page, '/licenses (English)');
});

test('bureau pages are accessible', async ({ page }) => {
  await login(page, 'bureau-admin', '/review');
  for (const path of ['/review', '/review?tab=registrations', '/review?tab=organizations', '/review?tab=results', '/licenses', '/ledger', '/audit', '/efficiency', '/invoices', '/fees', '/disclosures']) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, path);
  }
  const inPublicity = await api('bureau-admin', 'GET', '/datasets?status=PUBLICITY&size=1');
  const registration = items<{ id: string }>(inPublicity.body)[0];
  if (registration) {
    await page.goto(`/review/registrations/${registration.id}`);
    await page.getByTestId('publicity-window').waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'registration review in publicity');
  }
  const jobs = await api('bureau-admin', 'GET', '/sandbox/jobs');
  const any = items<{ id: string }>(jobs.body)[0];
  if (any) {
    await page.goto(`/review/jobs/${any.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'job review');
  }
  // a year's disclosure as the bureau reads it (a draft or published, whichever exists; nothing is prepared here)
  const disclosures = await api('bureau-admin', 'GET', '/disclosures');
  const disclosure = items<{ year: number }>(disclosures.body)[0];
  if (disclosure) {
    await page.goto(`/disclosures?year=${disclosure.year}`);
    await page.getByTestId('disclosure-figures').waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, `/disclosures?year=${disclosure.year}`);
  }
});

test('developer pages are accessible', async ({ page }) => {
  await login(page, 'developer-a', '/workspace');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, '/workspace');
});

test('provider pages are accessible', async ({ page }) => {
  await login(page, 'provider-transport', '/provider');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByTestId('provider-datasets').waitFor();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, '/provider');
  await page.getByTestId('provider-new-draft').click();
  await page.getByTestId('draft-form').waitFor();
  await expectAccessible(page, '/provider (new draft)');
});
