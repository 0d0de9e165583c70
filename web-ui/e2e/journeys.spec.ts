// One test per journey of issue #16, against the real stack and the real Keycloak login page.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import {
  ORG_A,
  activeLicense,
  api,
  apply,
  createOperator,
  ensureOrganization,
  expectAccessible,
  login,
  product,
  randomUscc,
  runJob,
  screenshots,
  verifyOrganization,
  waitForStack,
  type Job,
  type License,
} from './stack';

/** Confirms the open confirmation dialog once it has settled (a click while it zooms in may be lost). */
async function confirmModal(page: import('@playwright/test').Page): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ has: page.locator('.ant-modal-confirm-btns') });
  await expect(dialog).not.toHaveClass(/ant-zoom/);
  await dialog.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
  await expect(dialog).toBeHidden();
}

test.beforeAll(async () => {
  await waitForStack();
});

test('anonymous: a search for 公交 finds the bus data and shows no IMPORTANT dataset', async ({ page }) => {
  const missingIcons: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404 && /favicon/.test(response.url())) missingIcons.push(response.url());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('公共数据资源目录');
  await expect(page).toHaveTitle('公共数据资源目录 · 公共数据授权运营平台');
  // the console's icon is its own SVG, served (no request for a missing /favicon.ico)
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toBe('/favicon.svg');
  const iconAnswer = await page.request.get(icon ?? '');
  expect(iconAnswer.status(), `GET ${icon}`).toBe(200);
  expect(iconAnswer.headers()['content-type']).toContain('image/svg+xml');
  const search = page.getByRole('searchbox').or(page.getByLabel('搜索数据集')).first();
  await search.fill('公交');
  await search.press('Enter');
  await expect(page).toHaveURL(/[?&]q=%E5%85%AC%E4%BA%A4/);
  const table = page.getByTestId('catalog-table');
  await expect(table.getByRole('link', { name: '公交刷卡记录' })).toBeVisible();
  await expect(table).not.toContainText('重要数据');
  await expect(table).not.toContainText('核心数据');
  await expect(page.getByTestId('facet-grade')).not.toContainText('重要数据');
  // Facets narrow the search in the URL; Back returns to the previous search.
  await page.getByTestId('facet-grade').getByRole('button').first().click();
  await expect(page).toHaveURL(/grade=GENERAL/);
  await page.goBack();
  await expect(page).not.toHaveURL(/grade=/);
  await expect(page).toHaveURL(/q=/);
  // The dataset page: schema with tags, product description, DCAT link, sample rows.
  await table.getByRole('link', { name: '公交刷卡记录' }).click();
  await expect(page.getByTestId('schema-table')).toContainText('card_id');
  await expect(page.getByTestId('schema-table')).toContainText('标识符');
  await expect(page.getByTestId('product-card')).toContainText('数据产品说明书');
  await expect(page.getByTestId('dcat-link')).toHaveAttribute('href', /\/dcat$/);
  await expectAccessible(page, 'dataset page');
  await page.goBack();
  await expect(page.getByTestId('catalog-table')).toBeVisible();
  await expectAccessible(page, 'catalog');
  await screenshots(page, 'journey-1-anonymous-search');
  expect(missingIcons, 'favicon requests answered 404').toEqual([]);
});

test('operator: registers the organization, applies for a GENERAL product, is approved at once, accepts the contract', async ({ page }) => {
  const uscc = randomUscc();
  const username = `e2e-op-${Date.now().toString(36)}`;
  // A fresh operator whose organization is not registered yet: failing to create one fails the journey (no fallback
  // to a demo operator whose organization exists, which would skip the registration this journey is about).
  await createOperator(username, uscc);
  const user = username;
  const org = uscc;
  await login(page, user, '/organization');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('运营机构登记');
  await expect(page.getByTestId('org-form'), 'the registration form of an operator without an organization').toBeVisible();
  await page.getByLabel('机构名称').fill(`端到端测试科技有限公司${username}`);
  const code = page.getByLabel('统一社会信用代码');
  // Checked as it is typed: a wrong check character is named, then corrected.
  await code.fill(org.slice(0, 10));
  await expect(page.getByTestId('uscc-help')).toContainText('10 / 18');
  const wrong = org.slice(0, 17) + (org[17] === '0' ? '1' : '0');
  await code.fill(wrong);
  await expect(page.getByTestId('uscc-help')).toContainText('校验位应为');
  await code.fill(org);
  await expect(page.getByTestId('uscc-help')).toContainText('校验通过');
  await page.getByLabel('法定代表人').fill('张三');
  await page.getByLabel('联系人').fill('李四');
  await page.getByLabel('联系电话').fill('0591-87654321');
  await page.getByLabel('联系邮箱').fill('e2e@example.cn');
  await page.getByTestId('org-submit').click();
  await expect(page.getByTestId('org-current')).toBeVisible();
  await expect(page.getByTestId('org-current')).toContainText(org);
  // The bureau verifies the organization (its own journey); then the operator applies.
  await verifyOrganization(org);
  const bus = await product('公交刷卡记录', user);
  await page.goto(`/datasets/${bus.datasetId}`);
  await page.getByTestId('apply-button').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('申请授权');
  await page.getByTestId('purpose-PUBLIC_GOVERNANCE').check();
  await page.getByTestId('purpose-text').fill('公交线网优化');
  for (const c of ['swipe_time', 'route_id', 'district_code', 'fare_cents']) await page.getByTestId(`column-${c}`).check();
  await page.getByTestId('mode-SANDBOX').check();
  await expectAccessible(page, 'apply form');
  await page.getByTestId('apply-submit').click();
  await expect(page.getByTestId('apply-outcome')).toHaveText('秒批通过');
  await page.getByTestId('view-license').click();
  await expect(page.getByTestId('license-state')).toContainText('已批准待确认');
  await expect(page.getByTestId('contract-text')).toContainText('授权');
  await expect(page.getByTestId('contract-sha-ok')).toBeVisible();
  await page.getByTestId('accept-contract').click();
  await page.getByRole('dialog').getByRole('button', { name: '确认协议并生效' }).click();
  await expect(page.getByTestId('license-state')).toContainText('生效中');
  await expect(page.getByTestId('license-timeline')).toContainText('运营机构确认协议');
  await expectAccessible(page, 'license page');
  await screenshots(page, 'journey-2-operator-license');
});

test('bureau: an IMPORTANT application is approved by two reviewers', async ({ browser }) => {
  await ensureOrganization('operator-a', ORG_A, '闽数科技有限公司');
  const claims = await product('医保结算明细');
  const license = await apply('operator-a', claims.id, ['district_code', 'age', 'total_amount'], 'PUBLIC_WELFARE');
  expect(license.state).toBe('IN_REVIEW');

  const first = await browser.newContext();
  const p1 = await first.newPage();
  await login(p1, 'reviewer-1', '/review');
  await expect(p1.getByTestId('queue-applications')).toBeVisible();
  await p1.locator(`a[href="/licenses/${license.id}"]`).first().click();
  await expect(p1.getByTestId('policy-reasons')).toContainText('重要数据的授权申请须人工审核');
  await expect(p1.getByTestId('review-card')).toContainText('需 2 名审核员批准');
  await p1.getByTestId('approve').click();
  await expect(p1.getByTestId('approved-by')).toContainText('reviewer-1');
  await expect(p1.getByTestId('still-needed')).toContainText('还需 1 名审核员');
  await expect(p1.getByTestId('approve')).toHaveCount(0);
  await expectAccessible(p1, 'review queue application');
  await first.close();

  const second = await browser.newContext();
  const p2 = await second.newPage();
  await login(p2, 'reviewer-2', `/licenses/${license.id}`);
  await expect(p2.getByTestId('approved-by')).toContainText('reviewer-1');
  await p2.getByTestId('approve').click();
  await expect(p2.getByTestId('license-state')).toContainText('已批准待确认');
  await expect(p2.getByTestId('approved-by')).toContainText('reviewer-2');
  await screenshots(p2, 'journey-3-two-reviewers');
  await second.close();
});

test('bureau: a reviewer releases an IMPORTANT result', async ({ page, browser }) => {
  const license = await activeLicense('医保结算明细', ['district_code', 'age', 'total_amount']);
  const minAge = 20 + Math.floor(Math.random() * 40);
  const job = await runJob(
    'developer-a',
    license.id,
    `SELECT district_code, count(*) AS claims FROM medical_insurance_claims WHERE age >= ${minAge} GROUP BY district_code`,
    0.1,
  );
  expect(job.state, JSON.stringify(job)).toBe('AWAITING_RELEASE');

  await login(page, 'reviewer-1', '/review?tab=results');
  await expect(page.getByTestId('queue-results')).toBeVisible();
  await page.locator(`a[href="/review/jobs/${job.id}"]`).first().click();
  await expect(page.getByTestId('job-state')).toContainText('待审核发布');
  await expect(page.getByTestId('release-rows')).not.toHaveText('—');
  await expect(page.getByTestId('release-suppressed')).not.toHaveText('—');
  await expect(page.getByTestId('release-epsilon')).toContainText('0.1');
  await expect(page.getByTestId('release-budget')).toContainText('/');
  await expect(page.getByTestId('sql-editor')).toContainText('medical_insurance_claims');
  await expectAccessible(page, 'release review');
  await page.getByTestId('release-job').click();
  // Released, or the problem the API answered (named in the failure).
  await expect(page.getByTestId('job-state').filter({ hasText: '已发布' }).or(page.getByRole('alert').filter({ hasText: '状态码' }))).toBeVisible();
  const problem = page.getByRole('alert').filter({ hasText: '状态码' });
  if (await problem.count()) throw new Error(`release refused: ${await problem.first().innerText()}`);
  await expect(page.getByTestId('job-state')).toContainText('已发布');
  const after = await api<Job>('developer-a', 'GET', `/sandbox/jobs/${job.id}`);
  expect(after.body.state).toBe('RELEASED');
  await screenshots(page, 'journey-4-release-result');
  // the developer reads the released counts with their 95 % interval: noised values are not shown as exact
  const developer = await (await browser.newContext()).newPage();
  await login(developer, 'developer-a', '/workspace');
  await developer.goto(`/workspace/${license.id}?job=${job.id}`);
  await expect(developer.getByTestId('noised-note')).toBeVisible({ timeout: 30_000 });
  // the count's header says its values carry a 95 % interval (at ε 0.1 the demo's districts may all stay under the
  // noisy threshold, so the table may have no row to show one on)
  await expect(developer.getByTestId('result-table')).toContainText('± 95%');
  await screenshots(developer, 'journey-4-noised-result');
});

test('developer: runs a query, sees the table and the chart, downloads the Arrow file', async ({ page }) => {
  const license: License = await activeLicense('公交刷卡记录', ['swipe_time', 'route_id', 'district_code', 'fare_cents']);
  await login(page, 'developer-a', '/workspace');
  await page.locator(`a[href="/workspace/${license.id}"]`).first().click();
  await expect(page.getByTestId('workspace-alias').first()).toHaveText('bus_card_swipes');
  // A statement of its own each run (a repeated one would be answered from the earlier result).
  const floor = Math.floor(Math.random() * 50);
  const sql = `SELECT district_code, count(*) AS swipes, avg(fare_cents) AS avg_fare FROM bus_card_swipes WHERE fare_cents >= ${floor} GROUP BY district_code`;
  const editor = page.getByTestId('sql-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  await page.getByTestId('submit-job').click();
  await expect(page.getByTestId('job-state')).toHaveAttribute('data-state', 'RELEASED', { timeout: 90_000 });
  const table = page.getByTestId('result-table');
  await expect(table).toContainText('district_code');
  await expect(table.locator('tr.ant-table-row').first()).toBeVisible();
  // districts by name (the demo's are Fuzhou's), the code on hover
  const district = table.locator('tr.ant-table-row').first().locator('[data-code]');
  await expect(district).toHaveAttribute('title', /^3501\d\d$/);
  await expect(district).toHaveText(/区|县|市/);
  await expect(page.getByTestId('controls-applied')).toContainText('10');
  await page.getByRole('tab', { name: '图表' }).click();
  await expect(page.getByTestId('result-chart').locator('canvas')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-arrow').click()]);
  expect(download.suggestedFilename()).toMatch(/\.arrows$/);
  const path = await download.path();
  const arrow = tableFromIPC(readFileSync(path));
  expect(arrow.numRows).toBeGreaterThan(0);
  expect(arrow.schema.fields.map((f) => f.name)).toEqual(['district_code', 'swipes', 'avg_fare']);
  expect(String(arrow.getChild('district_code')?.get(0)), 'the file keeps the codes').toMatch(/^\d{6}$/);
  const [parquet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-parquet').click()]);
  expect(readFileSync(await parquet.path()).subarray(0, 4).toString('latin1')).toBe('PAR1');
  await expect(page.getByText('pa.ipc.open_stream').or(page.getByText('result.arrows')).first()).toBeAttached();
  await expectAccessible(page, 'workspace');
  await screenshots(page, 'journey-5-developer-query');
});

test('developer: a clean room joins bus swipes with bus routes in one job, then reads the chart and the Arrow file', async ({ page }) => {
  const swipes: License = await activeLicense('公交刷卡记录', ['swipe_time', 'route_id', 'district_code', 'fare_cents']);
  const routes: License = await activeLicense('公交线路信息', ['route_id', 'operator', 'district_code']);
  await login(page, 'developer-a', `/workspace/${swipes.id}`);
  await expect(page.getByTestId('workspace-alias').first()).toHaveText('bus_card_swipes');
  // the editor offers the routes under the other license, joined on route_id
  await page.getByTestId('join-datasets').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'bus_routes' }).filter({ hasText: 'route_id' }).first().click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('workspace-alias').filter({ hasText: 'bus_routes' })).toBeVisible();
  const floor = Math.floor(Math.random() * 50);
  const sql = `SELECT r.operator, count(*) AS swipes FROM bus_card_swipes s JOIN bus_routes r ON s.route_id = r.route_id WHERE s.fare_cents >= ${floor} GROUP BY r.operator`;
  const editor = page.getByTestId('sql-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  await page.getByTestId('submit-job').click();
  await expect(page.getByTestId('job-state')).toHaveAttribute('data-state', 'RELEASED', { timeout: 90_000 });
  await expect(page.getByTestId('result-table')).toContainText('operator');
  await page.getByRole('tab', { name: '图表' }).click();
  await expect(page.getByTestId('result-chart').locator('canvas')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-arrow').click()]);
  const arrow = tableFromIPC(readFileSync(await download.path()));
  expect(arrow.numRows).toBeGreaterThan(0);
  expect(arrow.schema.fields.map((f) => f.name)).toEqual(['operator', 'swipes']);
  // the job says what it joined
  const jobs = await api<{ items: { joinedLicenseIds?: string[]; licenseId: string }[] }>('developer-a', 'GET', '/sandbox/jobs?size=20');
  expect(jobs.body.items.some((j) => j.licenseId === swipes.id && (j.joinedLicenseIds ?? []).includes(routes.id ?? ''))).toBe(true);
  await expectAccessible(page, 'clean room');
  await screenshots(page, 'journey-6-clean-room');
});

test('developer: uploads its own table with progress, confirms it, joins it with bus swipes and downloads the result', async ({ page }) => {
  const swipes: License = await activeLicense('公交刷卡记录', ['swipe_time', 'route_id', 'district_code', 'fare_cents']);
  const alias = `depots_${Math.random().toString(36).slice(2, 8)}`;
  let csv = 'route_id,kind\n';
  for (let route = 1; route <= 120; route++) csv += `L${String(route).padStart(3, '0')},${route % 2 === 0 ? '电动' : '混动'}\n`;
  await login(page, 'developer-a', '/tables');
  await page.getByTestId('table-alias-input').fill(alias);
  await page.locator('input[type=file]').setInputFiles({ name: 'depots.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByTestId('table-upload-button').click();
  const row = page.locator('tr').filter({ has: page.getByText(alias, { exact: true }) });
  await expect(row.getByTestId('table-state')).toHaveText('待确认', { timeout: 30_000 });
  const detail = page.getByTestId('table-detail').filter({ has: page.getByTestId('table-joinkey-route_id') }).first();
  await detail.getByTestId('table-joinkey-route_id').fill('bus_route');
  await detail.getByTestId('table-confirm').click();
  await expect(row.getByTestId('table-state')).toHaveText('可联合', { timeout: 30_000 });
  await expectAccessible(page, 'my tables');
  await screenshots(page, 'journey-7-own-table');

  await page.goto(`/workspace/${swipes.id}`);
  await page.getByTestId('join-tables').click();
  await page.locator('.ant-select-item-option').filter({ hasText: alias }).first().click();
  await page.keyboard.press('Escape');
  const floor = Math.floor(Math.random() * 50);
  const sql = `SELECT d.kind, count(*) AS swipes FROM bus_card_swipes s JOIN ${alias} d ON s.route_id = d.route_id WHERE s.fare_cents >= ${floor} GROUP BY d.kind`;
  await page.getByTestId('sql-editor').locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  await page.getByTestId('submit-job').click();
  await expect(page.getByTestId('job-state')).toHaveAttribute('data-state', 'RELEASED', { timeout: 90_000 });
  await page.getByRole('tab', { name: '图表' }).click();
  await expect(page.getByTestId('result-chart').locator('canvas')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-arrow').click()]);
  const arrow = tableFromIPC(readFileSync(await download.path()));
  expect(arrow.numRows).toBe(2);
  expect(arrow.schema.fields.map((f) => f.name)).toEqual(['kind', 'swipes']);
});

test('bureau: the efficiency dashboard renders its charts with data', async ({ page }) => {
  // At least one application, one 秒批 and one metered call exist.
  const license = await activeLicense('公交刷卡记录', ['route_id', 'district_code']);
  await runJob('developer-a', license.id, `SELECT route_id, count(*) AS n FROM bus_card_swipes WHERE district_code <> 'x${Date.now()}' GROUP BY route_id`);
  await login(page, 'bureau-admin', '/efficiency');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('效能评估');
  await expect(page.getByTestId('auto-share')).toContainText(/[1-9]\d* \/ [1-9][\d,]* 件申请/);
  for (const chart of ['chart-auto-share', 'chart-decision-time', 'chart-months']) {
    await expect(page.getByTestId(chart).locator('canvas')).toBeVisible();
  }
  await expectAccessible(page, 'efficiency');
  await screenshots(page, 'journey-6-efficiency');
  // The bureau's menu is one line at 1280 px: its pages besides the queue are one sub-menu, opened from the keyboard.
  await page.setViewportSize({ width: 1280, height: 800 });
  const nav = page.getByRole('navigation', { name: '主导航' });
  const menuBox = await nav.getByRole('menu').first().boundingBox();
  const itemBox = await nav.getByRole('menuitem').first().boundingBox();
  expect(menuBox && itemBox && menuBox.height < itemBox.height * 1.5, `menu ${JSON.stringify(menuBox)}, item ${JSON.stringify(itemBox)}`).toBe(true);
  await nav.getByTestId('nav-group-oversight').focus();
  await page.keyboard.press('Enter');
  const audit = page.getByRole('menu').getByRole('link', { name: '审计追踪' });
  await expect(audit).toBeVisible();
  await audit.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/audit(\?|$)/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('审计');
  // At 390 px the drawer lists every page under its group's heading.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('open-menu').click();
  await page.getByRole('dialog').getByRole('link', { name: '收益台账' }).click();
  await expect(page).toHaveURL(/\/ledger(\?|$)/);
});

interface Registration {
  id: string;
  status: string;
  publicityEndsAt?: string;
  certificateNo?: string;
}

test('registration: accepted into publicity in the console, objected to on /publicity, the objection dismissed; certificates verified', async ({ browser }) => {
  // A provider's draft, submitted through the API (its name carries the time: a provider's names are unique).
  const stamp = Date.now().toString(36);
  const nameZh = `端到端公示线路客流 ${stamp}`;
  const draft = await api<Registration>('provider-transport', 'POST', '/datasets', {
    nameZh,
    nameEn: `E2E route ridership ${stamp}`,
    category: '交通/公共交通',
    grade: 'GENERAL',
    providerName: '交通运输局',
    updateFrequency: 'DAILY',
    spatialCoverage: '350100',
    rowCount: 365000,
    columns: [
      { name: 'route_id', type: 'VARCHAR', tag: 'ATTRIBUTE' },
      { name: 'riders', type: 'BIGINT', tag: 'METRIC' },
    ],
    sharingType: 'CONDITIONAL',
    sharingCondition: '用于交通规划',
    openness: 'OPEN',
    entityColumn: 'route_id',
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const id = draft.body.id;
  const submitted = await api<Registration>('provider-transport', 'POST', `/datasets/${id}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  expect(submitted.body.status).toBe('SUBMITTED');

  // reviewer-1 accepts it into publicity, after a confirmation.
  const bureau = await browser.newContext();
  const reviewer = await bureau.newPage();
  await login(reviewer, 'reviewer-1', '/review?tab=registrations');
  await expect(reviewer.getByTestId('queue-registrations')).toBeVisible();
  await reviewer.locator(`a[href="/review/registrations/${id}"]`).first().click();
  await expect(reviewer.getByRole('heading', { level: 1 })).toContainText(nameZh);
  await reviewer.getByTestId('accept-dataset').click();
  const confirmAccept = reviewer.getByRole('dialog');
  await expect(confirmAccept).toContainText('受理该登记并进入公示？');
  await expect(confirmAccept).not.toHaveClass(/ant-zoom/);
  await confirmAccept.getByRole('button', { name: '受理并公示' }).click();
  await expect(reviewer.getByTestId('publicity-window')).toBeVisible();
  await expect(reviewer.getByTestId('publicity-time-left')).toContainText('剩余');
  await expect(reviewer.getByTestId('accept-dataset')).toHaveCount(0);
  const accepted = await api<Registration>('reviewer-1', 'GET', `/datasets/${id}`);
  expect(accepted.body.status).toBe('PUBLICITY');

  // operator-a objects on the public list.
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await login(operator, 'operator-a', '/publicity');
  await expect(operator.getByRole('heading', { level: 1 })).toContainText('登记公示');
  const row = operator.getByTestId('publicity-table').getByRole('row').filter({ hasText: nameZh });
  await expect(row).toContainText('11350100003591002C');
  await row.getByTestId('lodge-objection').click();
  const objectDialog = operator.getByRole('dialog');
  // Buttons of a dialog still zooming in may miss a click: wait until it has settled.
  await expect(objectDialog).not.toHaveClass(/ant-zoom/);
  await objectDialog.getByRole('button', { name: '提出异议' }).click();
  await expect(objectDialog).toContainText('请填写异议理由');
  await objectDialog.getByTestId('objection-reasons').fill(`线路编号与公交集团不一致（端到端 ${stamp}）`);
  await objectDialog.getByRole('button', { name: '提出异议' }).click();
  await expect(operator.getByTestId('objection-lodged')).toContainText(nameZh);
  // A second objection is refused: the problem once, in the dialog, in Chinese.
  await row.getByTestId('lodge-objection').click();
  await expect(objectDialog).not.toHaveClass(/ant-zoom/);
  await objectDialog.getByTestId('objection-reasons').fill('再次提出');
  await objectDialog.getByRole('button', { name: '提出异议' }).click();
  await expect(objectDialog.getByRole('alert')).toContainText('您已对该登记提出过异议');
  await expect(operator.getByRole('alert').filter({ hasText: '已提出过异议' })).toHaveCount(1);
  await objectDialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(objectDialog).toBeHidden();
  await expectAccessible(operator, '/publicity (signed in)');
  await screenshots(operator, 'journey-9-publicity');
  await operatorContext.close();

  // reviewer-1 reads it and dismisses it with a written answer; register stays disabled while the window is open.
  await reviewer.reload();
  const objection = reviewer.getByTestId('objection').filter({ hasText: stamp });
  await expect(objection).toContainText('待处理');
  await expect(objection).toContainText('operator-a');
  await expect(reviewer.getByTestId('register-dataset')).toBeDisabled();
  await expect(reviewer.getByTestId('register-blocked')).toContainText('公示期未满');
  await objection.getByTestId('objection-dismiss').click();
  const answerDialog = reviewer.getByRole('dialog');
  await expect(answerDialog).not.toHaveClass(/ant-zoom/);
  await answerDialog.getByRole('button', { name: '驳回异议' }).click();
  await expect(answerDialog).toContainText('请填写书面答复');
  await answerDialog.getByTestId('objection-answer').fill('线路编号以公交集团 2026 年编码为准，经核对一致。');
  await answerDialog.getByRole('button', { name: '驳回异议' }).click();
  await expect(objection).toContainText('已驳回');
  await expect(objection).toContainText('经核对一致');
  await expect(objection.getByTestId('objection-dismiss')).toHaveCount(0);
  await expectAccessible(reviewer, 'registration review in publicity');
  await screenshots(reviewer, 'journey-9-registration-review');
  await bureau.close();

  // Anyone verifies a demo dataset's certificate, reached from the dataset page.
  const catalog = await api<{ items: Registration[] }>(null, 'GET', `/datasets?q=${encodeURIComponent('公交刷卡记录')}`);
  const swipes = catalog.body.items.find((d) => d.certificateNo);
  expect(swipes, JSON.stringify(catalog.body).slice(0, 300)).toBeTruthy();
  const code = swipes?.certificateNo ?? '';
  const anonymousContext = await browser.newContext();
  const anyone = await anonymousContext.newPage();
  await anyone.goto(`/datasets/${swipes?.id}`);
  await anyone.getByTestId('certificate-no').click();
  await expect(anyone).toHaveURL(new RegExp(`/verify\\?code=${code}`));
  await expect(anyone.getByTestId('certificate-status')).toHaveAttribute('data-status', 'VALID');
  await expect(anyone.getByTestId('certificate-status')).toContainText('有效');
  await expect(anyone.getByTestId('certificate-facts')).toContainText('11350100003591002C');
  await expect(anyone.getByTestId('certificate-key-id')).toHaveText(/^[0-9a-f]{16}$/);
  await expect(anyone.getByText('openssl pkeyutl -verify')).toBeVisible();
  const pdf = await anyone.getByTestId('certificate-pdf').getAttribute('href');
  expect(pdf).toBeTruthy();
  const pdfAnswer = await anyone.request.get(pdf ?? '');
  expect(pdfAnswer.status(), `GET ${pdf}`).toBe(200);
  expect(pdfAnswer.headers()['content-type']).toContain('application/pdf');
  const key = await anyone.request.get((await anyone.getByTestId('certificate-public-key').getAttribute('href')) ?? '');
  expect(await key.text()).toContain('BEGIN PUBLIC KEY');
  await expectAccessible(anyone, '/verify (valid)');
  await screenshots(anyone, 'journey-9-verify');

  // An unknown code, typed.
  await anyone.getByTestId('certificate-code').fill('pdx-000000-2000-000000');
  await anyone.getByTestId('verify-certificate').click();
  await expect(anyone).toHaveURL(/code=PDX-000000-2000-000000/);
  await expect(anyone.getByTestId('certificate-unknown')).toContainText('未知证书');
  await expect(anyone.getByTestId('certificate-status')).toHaveAttribute('data-status', 'UNKNOWN');
  await anonymousContext.close();
});

test('provider: drafts a dataset from a CSV sample in 我的数据, submits it, and once registered lists a product, brings the data into the domain and withdraws the product', async ({ page }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const nameZh = `端到端样例线路刷卡 ${tag}`;
  const sample = [
    'id_card,plate_no,swipe_date,district,route,fare_amount',
    '350102199003071234,闽A12345,2026-11-01,350102,L001,2.00',
    '35010219851212567X,闽A7K2Q1,2026-11-02,350103,L002,1.50',
    '350103200101015678,闽D12345,2026-11-03,350104,L003,37.50',
  ].join('\n');
  await login(page, 'provider-transport', '/provider');
  await page.getByRole('heading', { level: 1, name: '我的数据' }).waitFor();
  await page.getByTestId('provider-new-draft').click();
  const form = page.getByTestId('draft-form-card');
  await form.locator('input[type=file]').setInputFiles({ name: 'sample.csv', mimeType: 'text/csv', buffer: Buffer.from(sample, 'utf8') });
  await expect(page.getByTestId('sample-read')).toContainText('sample.csv');
  // The suggestions, each with its reason: identity numbers and plates identify, dates and districts quasi-identify,
  // the amount is a metric with bounds rounded outward from the sample.
  await expect(page.getByTestId('draft-suggestion-0')).toContainText('标识符');
  await expect(page.getByTestId('draft-suggestion-1')).toContainText('车牌');
  await expect(page.getByTestId('draft-suggestion-2')).toContainText('准标识符');
  await expect(page.getByTestId('draft-suggestion-3')).toContainText('行政区划');
  await expect(page.getByTestId('draft-suggestion-5')).toContainText('[0, 40]');
  await page.getByTestId('draft-nameZh').fill(nameZh);
  await page.getByTestId('draft-nameEn').fill(`E2E sample route swipes ${tag}`);
  await page.getByTestId('draft-providerName').fill('福州市交通运输局');
  await page.getByTestId('draft-spatial').fill('350100');
  await page.getByTestId('draft-sharingCondition').fill('经授权运营，仅沙箱内使用');
  await expectAccessible(page, 'provider draft form');
  await page.getByTestId('draft-save').click();
  await expect(page.getByTestId('draft-form-card')).toHaveCount(0);

  const mine = await api<{ items: { id: string; nameZh: string; status: string }[] }>('provider-transport', 'GET', '/datasets?provider=dept-transport&size=200&sort=-updatedAt');
  const draft = mine.body.items.find((d) => d.nameZh === nameZh);
  expect(draft?.status).toBe('DRAFT');
  const detail = page.getByTestId('provider-detail');
  await expect(detail).toHaveCount(1);
  await detail.getByTestId('provider-submit').click();
  await confirmModal(page);
  await expect(detail.getByTestId('provider-submit')).toHaveCount(0);
  const submitted = await api<{ status: string; columns: { name: string; tag: string; lower?: number; upper?: number }[] }>('provider-transport', 'GET', `/datasets/${draft?.id}`);
  expect(submitted.body.status).toBe('SUBMITTED');
  expect(Object.fromEntries(submitted.body.columns.map((c) => [c.name, c.tag]))).toEqual({
    id_card: 'IDENTIFIER',
    plate_no: 'IDENTIFIER',
    swipe_date: 'QUASI_IDENTIFIER',
    district: 'QUASI_IDENTIFIER',
    route: 'ATTRIBUTE',
    fare_amount: 'METRIC',
  });
  expect(submitted.body.columns.find((c) => c.name === 'fare_amount')).toMatchObject({ lower: 0, upper: 40 });
  await screenshots(page, 'journey-10-provider-draft');

  // The bureau accepts it into publicity (journey 9 does that in the console). Ten days pass: a running stack's clock
  // cannot move, so the window's end is moved into the past in the stack's database — the platform then concludes it
  // (the test stack's closer runs every few seconds), with its certificate.
  const accepted = await api<{ status: string }>('reviewer-1', 'POST', `/datasets/${draft?.id}/accept`);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  expect(accepted.body.status).toBe('PUBLICITY');
  execFileSync('psql', [process.env.PDX_STACK_DATABASE_URL ?? 'postgresql://pdx:pdx@127.0.0.1:5432/pdx', '-qc',
    `update dataset set publicity_ends_at = now() - interval '1 second' where id = '${draft?.id}'`]);
  await expect
    .poll(async () => (await api<{ status: string }>('provider-transport', 'GET', `/datasets/${draft?.id}`)).body.status, { timeout: 60_000, intervals: [1000] })
    .toBe('REGISTERED');

  // Registered: the provider lists a product (its listing is its department's consent), after a confirmation.
  await page.reload();
  const entry = page.getByTestId('provider-dataset').filter({ hasText: nameZh });
  await expect(entry).toHaveAttribute('data-status', 'REGISTERED');
  const registered = entry.getByTestId('provider-detail');
  if ((await registered.count()) === 0) await entry.getByTestId('provider-toggle').click();
  await registered.getByTestId('provider-list-product').click();
  const productForm = registered.getByTestId('product-form');
  await productForm.getByTestId('product-scenarios').fill('线路客流分析\n公交线网优化');
  await productForm.getByTestId('product-quality').fill('每日更新，票价金额已核对');
  await productForm.getByTestId('product-submit').click();
  await confirmModal(page);
  const listed = registered.getByTestId('provider-product');
  await expect(listed).toHaveAttribute('data-status', 'LISTED');
  await expect(listed).toContainText('上架中');
  await expect(listed.getByTestId('consent-given')).toBeVisible();

  // Its data enters the domain: a CSV with a fare out of the declared bounds and a missing date; the quality report
  // counts them and shows no value.
  const data = [
    'id_card,plate_no,swipe_date,district,route,fare_amount',
    '350102199003071234,闽A12345,2026-11-01,350102,L001,2.00',
    '35010219851212567X,闽A7K2Q1,,350103,L002,99.00',
    '350103200101015678,闽D12345,2026-11-03,350104,L003,1.50',
  ].join('\n');
  await registered.locator('section').filter({ has: page.getByTestId('domain-file') }).locator('input[type=file]')
    .setInputFiles({ name: 'swipes.csv', mimeType: 'text/csv', buffer: Buffer.from(data, 'utf8') });
  await registered.getByTestId('domain-upload').click();
  const report = registered.getByTestId('quality-report');
  await expect(report.getByTestId('quality-rows')).toHaveText('3');
  await expect(report.getByRole('row').filter({ hasText: 'fare_amount' })).toContainText('1 [0, 40]');
  await expect(report.getByRole('row').filter({ hasText: 'swipe_date' }).getByRole('cell').nth(2)).toHaveText('1');
  await expect(report.locator('.ant-table-tbody')).not.toContainText('99');
  // Its usage, in aggregate: nobody licenses it yet.
  await expect(registered.getByTestId('dataset-usage').getByTestId('usage-none')).toBeVisible();
  await expect(registered.getByTestId('dataset-usage').getByTestId('usage-no-calls')).toBeVisible();
  await expect(registered.locator('.ant-upload-list-item')).toHaveCount(0); // the sent file's entry has faded out
  await expectAccessible(page, 'provider: registered dataset with product, quality report and usage');
  await screenshots(page, 'journey-10-provider-listed');

  // The provider withdraws the product (下架) with a reason: no new application is taken.
  await listed.getByTestId('product-withdraw').click();
  const withdrawDialog = page.getByRole('dialog').filter({ hasText: '下架' });
  await expect(withdrawDialog).not.toHaveClass(/ant-zoom/);
  await withdrawDialog.getByTestId('product-withdraw-reason').fill('线路编码调整，暂停供给');
  await withdrawDialog.getByRole('button', { name: /^下\s*架$/ }).click();
  await expect(listed).toHaveAttribute('data-status', 'WITHDRAWN');
  await expect(listed.getByTestId('product-withdrawal')).toContainText('线路编码调整');
  await expect(listed.getByTestId('product-withdraw')).toHaveCount(0);
  const products = await api<{ items: { id: string; status: string }[] }>('operator-a', 'GET', `/products?datasetId=${draft?.id}`);
  const withdrawn = products.body.items[0];
  expect(withdrawn?.status).toBe('WITHDRAWN');
  const refused = await api<{ state: string; decisionReasons: { code: string }[] }>('operator-a', 'POST', '/licenses', {
    productId: withdrawn?.id, purposeCategory: 'PUBLIC_GOVERNANCE', purposeText: '线路客流分析，用于公交线网优化',
    columns: ['route'], mode: 'SANDBOX', termStart: new Date().toISOString().slice(0, 10),
    termEnd: new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10) });
  expect(refused.body.decisionReasons.map((r) => r.code)).toContain('product_not_listed');
  await screenshots(page, 'journey-10-provider-withdrawn');

  // A cancellation (注销登记) of the registered version, with its reason, from the console; submitted as it stands.
  await registered.getByTestId('provider-amend').click();
  const amendDialog = page.getByRole('dialog').filter({ hasText: '新的登记' });
  await expect(amendDialog).not.toHaveClass(/ant-zoom/);
  await amendDialog.getByTestId('amend-type-CANCELLATION').click();
  await amendDialog.getByTestId('amend-reason').fill('线路调整，停止提供');
  await amendDialog.getByRole('button', { name: '创建登记草稿' }).click();
  await expect(amendDialog).toBeHidden();
  // the new version (v2) of the cancellation type; the registered v1 also names 注销登记 on its amend button
  const cancellation = page.getByTestId('provider-dataset').filter({ hasText: nameZh }).filter({ hasText: 'v2 · 注销登记' });
  await expect(cancellation).toHaveAttribute('data-status', 'DRAFT');
  await cancellation.getByTestId('provider-toggle').click();
  await cancellation.getByTestId('provider-submit').click();
  await confirmModal(page);
  await expect(cancellation).toHaveAttribute('data-status', 'SUBMITTED');
});

test('provider: a Parquet sample is read in the browser, and the policy proposes the grade with its reasons', async ({ page }) => {
  // A Parquet file of the stack's own synthetic claims (never real persons): read in the browser, never uploaded.
  const claims = readFileSync(`${process.env.PDX_STACK_DATA ?? '../.pdx/stack-data'}/medical_insurance_claims.parquet`);
  const uploads: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.postDataBuffer()?.includes(claims.subarray(0, 64))) uploads.push(request.url());
  });
  await login(page, 'provider-transport', '/provider');
  await page.getByRole('heading', { level: 1, name: '我的数据' }).waitFor();
  await page.getByTestId('provider-new-draft').click();
  const form = page.getByTestId('draft-form-card');
  await form.locator('input[type=file]').setInputFiles({ name: 'claims.parquet', mimeType: 'application/vnd.apache.parquet', buffer: claims });
  await expect(page.getByTestId('sample-read')).toContainText('claims.parquet');
  const values = await form.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(values).toEqual(expect.arrayContaining(['person_id', 'diagnosis_code', 'settle_date', 'total_amount']));
  // The grade and its reasons are the policy's: sensitive values make it important, and it is taken as the grade.
  const proposal = page.getByTestId('grade-proposal');
  await expect(proposal).toHaveAttribute('data-grade', 'IMPORTANT');
  await expect(proposal).toContainText('敏感');
  await expect(page.getByTestId('draft-grade-IMPORTANT')).toBeChecked();
  expect(uploads, 'the sample never leaves the browser').toEqual([]);
  await expectAccessible(page, 'provider draft from a Parquet sample');
  // no screenshot pair here: the draft form of 11 columns is wider than 390 px (left for the console issue)
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'test-results/journey-11-provider-parquet-sample-1280x800.png' });
});

test('好差评: an operator rates a license decision as 不满意, a case opens, and a reviewer answers it on /cases', async ({ browser }) => {
  const license = await activeLicense('公交刷卡记录', ['route_id', 'district_code']);
  const stamp = Date.now().toString(36);
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await login(operator, 'operator-a', `/licenses/${license.id}`);
  const rate = operator.getByTestId('rate-service');
  await rate.getByTestId('rate-open').click();
  const rateDialog = operator.getByRole('dialog');
  await expect(rateDialog).not.toHaveClass(/ant-zoom/);
  await rateDialog.getByTestId('rate-level').getByText('不满意', { exact: true }).click();
  await rateDialog.getByTestId('rate-comment').fill(`审批意见说明不够清楚（端到端 ${stamp}）`);
  await rateDialog.getByRole('button', { name: '提交评价' }).click();
  await expect(rate.getByTestId('my-rating')).toContainText('不满意');
  await expect(rate.getByTestId('my-rating')).toContainText('已转为工单');
  await expect(rate.getByTestId('rate-open')).toHaveCount(0);
  await expectAccessible(operator, 'license page with its rating');
  await screenshots(operator, 'journey-12-rating');
  await operatorContext.close();

  // The bureau answers the case the poor rating opened, after a confirmation.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await login(reviewer, 'reviewer-1', '/cases');
  const row = reviewer.getByTestId('cases-table').getByRole('row').filter({ hasText: stamp });
  await expect(row).toContainText('不满意');
  await row.getByTestId('case-answer').click();
  const answerDialog = reviewer.getByRole('dialog');
  await expect(answerDialog).not.toHaveClass(/ant-zoom/);
  await answerDialog.getByTestId('case-answer-text').fill('已补充审批意见的说明，并在审核指引中增加示例。');
  await answerDialog.getByTestId('case-answer-send').click();
  await reviewer.locator('.ant-popconfirm').getByRole('button', { name: /^确\s*定$/ }).click();
  await expect(row).toContainText('已答复');
  await expect(row.getByTestId('case-answer')).toHaveCount(0);
  await expectAccessible(reviewer, '/cases');
  await screenshots(reviewer, 'journey-12-cases');
  await reviewerContext.close();
});

test('truthful states: a license accepted ahead of its term reads 未生效 with its first day and cannot be picked in the workspace', async ({ page }) => {
  await ensureOrganization('operator-a', ORG_A, '闽数科技有限公司');
  const swipes = await product('公交刷卡记录');
  const start = new Date(Date.now() + 8 * 3_600_000 + 40 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 8 * 3_600_000 + 200 * 86_400_000).toISOString().slice(0, 10);
  const applied = await api<License>('operator-a', 'POST', '/licenses', {
    productId: swipes.id,
    purposeCategory: 'PUBLIC_GOVERNANCE',
    purposeText: `未来期限 ${new Date().toISOString()}`,
    columns: ['route_id', 'district_code'],
    mode: 'SANDBOX',
    termStart: start,
    termEnd: end,
    expectedVolume: 10,
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  let license = applied.body;
  if (license.state === 'IN_REVIEW') license = (await api<License>('reviewer-1', 'POST', `/licenses/${license.id}/approve`)).body;
  const accepted = await api<License>('operator-a', 'POST', `/licenses/${license.id}/accept`);
  expect(accepted.body.state, JSON.stringify(accepted.body)).toBe('ACTIVE');

  await login(page, 'developer-a', `/licenses/${license.id}`);
  await expect(page.getByTestId('license-not-started').first()).toContainText(`未生效（${start} 起）`);
  await page.goto('/workspace');
  const notInForce = page.getByTestId('workspace-license-not-in-force');
  await expect(notInForce.first()).toBeVisible();
  await expect(page.locator(`a[href="/workspace/${license.id}"]`)).toHaveCount(0);
  await screenshots(page, 'journey-13-license-not-started');
});

test('first run: the query the editor offers runs as it stands on the demo data', async ({ page }) => {
  const license: License = await activeLicense('公交刷卡记录', ['swipe_time', 'route_id', 'district_code', 'fare_cents']);
  await login(page, 'developer-a', '/workspace');
  await page.locator(`a[href="/workspace/${license.id}"]`).first().click();
  await expect(page.getByTestId('sql-editor')).toContainText('GROUP BY route_id');
  await page.getByTestId('submit-job').click();
  await expect(page.getByTestId('job-state')).toHaveAttribute('data-state', 'RELEASED', { timeout: 90_000 });
  await expect(page.getByTestId('result-table').locator('tr.ant-table-row').first()).toBeVisible();
});

interface FeeNoticeAnswer {
  productId: string;
  nameZh: string;
  status: string;
  history: { unitPriceFen: number; effectiveUntil: string | null }[];
}

test('收费公示: an anonymous visitor opens the fee notices from the footer and reads a product’s price with its history', async ({ page }) => {
  const notices = await api<{ items: FeeNoticeAnswer[]; total: number }>(null, 'GET', '/fee-notices?size=20');
  expect(notices.status, JSON.stringify(notices.body)).toBe(200);
  // a listed product of the first page (the newest may be one a journey listed and withdrew: no price in force)
  const first = notices.body.items.find((n) => n.status === 'LISTED');
  expect(first, 'no listed product on the first page of fee notices').toBeDefined();
  await page.goto('/');
  await page.getByTestId('footer-fees').click();
  await expect(page).toHaveURL(/\/fees$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('收费公示');
  await expect(page).toHaveTitle('收费公示 · 公共数据授权运营平台');
  const table = page.getByTestId('fees-table');
  const row = table.locator(`tr.ant-table-row[data-row-key="${first?.productId ?? ''}"]`);
  await expect(row).toContainText('¥');
  // The row opens from the keyboard onto every price the product had; the price in force runs 至今.
  await row.getByRole('button', { name: /展开行|Expand row/ }).focus();
  await page.keyboard.press('Enter');
  const history = table.getByTestId('fee-history').first();
  await expect(history).toBeVisible();
  await expect(history.locator('tr.ant-table-row')).toHaveCount(first?.history.length ?? 1);
  await expect(history).toContainText('至今');
  // The product's own notice, by its link.
  await row.getByRole('link', { name: first?.nameZh ?? '' }).click();
  await expect(page).toHaveURL(new RegExp(`/fees\\?product=${first?.productId}`));
  await expect(page.getByTestId('fee-notice').getByTestId('fee-history')).toContainText('至今');
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'fee notices (anonymous)');
  await screenshots(page, 'journey-fees-anonymous');
});

test('bureau: 调价 of a priced product within its cap, and its fee notice then shows two periods', async ({ page }) => {
  // The demo data lists FREE products only: the transport department lists a priced one (¥2.00 a call, cap ¥5.00) on its
  // registered bus routes, with a name of its own (names are unique per dataset).
  const routes = await product('公交线路信息', 'provider-transport');
  const tag = Date.now().toString(36);
  const nameZh = `端到端调价线路 ${tag}`;
  const listed = await api<{ id: string; status: string }>('provider-transport', 'POST', '/products', {
    datasetId: routes.datasetId,
    nameZh,
    nameEn: `E2E priced bus routes ${tag}`,
    modes: ['SANDBOX'],
    scenarios: ['线路客流分析'],
    qualityNotes: '端到端测试',
    priceRule: { kind: 'PER_CALL', unitPriceFen: 200, capFen: 500 },
  });
  expect(listed.status, JSON.stringify(listed.body)).toBe(201);
  await login(page, 'bureau-admin', `/datasets/${routes.datasetId}`);
  const card = page.locator(`[data-product-id="${listed.body.id}"]`);
  await expect(card.getByTestId('product-price')).toContainText('¥2.00');
  await card.getByTestId('change-price').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '调价' });
  await expect(dialog).not.toHaveClass(/ant-zoom/);
  await expect(dialog.getByTestId('price-change-cap')).toHaveText('¥5.00');
  // Above the cap, and a third decimal: refused here, nothing sent.
  await dialog.getByTestId('price-change-price').fill('5.01');
  await dialog.getByTestId('price-change-basis').fill('成本调查（端到端）');
  await dialog.getByTestId('price-change-submit').click();
  await expect(dialog).toContainText('不得高于政府指导价上限 ¥5.00');
  await dialog.getByTestId('price-change-price').fill('3.455');
  await expect(dialog).toContainText('金额最多两位小数');
  await dialog.getByTestId('price-change-price').fill('3.50');
  await expectAccessible(page, 'price change dialog');
  await dialog.getByTestId('price-change-submit').click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId('price-changed')).toContainText('¥3.50');
  await expect(card.getByTestId('product-price')).toContainText('¥3.50');
  await card.getByTestId('price-changed-notice').click();
  await expect(page).toHaveURL(new RegExp(`/fees\\?product=${listed.body.id}`));
  const periods = page.getByTestId('fee-notice').getByTestId('fee-history').locator('tr.ant-table-row');
  await expect(periods).toHaveCount(2);
  await expect(periods.nth(0)).toContainText('¥2.00');
  await expect(periods.nth(0)).not.toContainText('至今');
  await expect(periods.nth(1)).toContainText('¥3.50');
  await expect(periods.nth(1)).toContainText('成本调查（端到端）');
  await expect(periods.nth(1)).toContainText('至今');
  const notice = await api<FeeNoticeAnswer>(null, 'GET', `/fee-notices/${listed.body.id}`);
  expect(notice.body.history.map((h) => h.unitPriceFen)).toEqual([200, 350]);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'fee notice after 调价');
  await screenshots(page, 'journey-fees-price-change');
  // Withdrawn afterwards, so that the demo's catalog does not collect priced test products.
  await api('provider-transport', 'POST', `/products/${listed.body.id}/withdraw`, { reason: '端到端测试结束' });
});

test('bureau: prepares this year’s disclosure, reads the draft’s figures, is not offered publish before the year is over, downloads the PDF', async ({ page }) => {
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  await login(page, 'bureau-admin', '/disclosures');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('年度披露');
  const prepareCard = page.getByTestId('disclosure-prepare-card');
  await expect(prepareCard.getByTestId('disclosure-year')).toContainText(String(year));
  await prepareCard.getByTestId('disclosure-prepare').click();
  await expect(page.getByRole('dialog')).toContainText(`编制 ${year} 年度披露`);
  await confirmModal(page);
  await expect(page).toHaveURL(new RegExp(`year=${year}`));
  const detail = page.getByTestId('disclosure-detail');
  await expect(detail.getByTestId('disclosure-status')).toHaveAttribute('data-status', 'DRAFT');
  const drawn = await api<{ content: { authorizations: unknown[]; products: unknown[] }; pdfSha256: string }>('bureau-admin', 'GET', `/disclosures/${year}`);
  await expect(detail.getByTestId('disclosure-authorizations')).toContainText(String(drawn.body.content.authorizations.length));
  await expect(detail.getByTestId('disclosure-products')).toContainText(String(drawn.body.content.products.length));
  await expect(detail.getByTestId('disclosure-revenue')).toContainText('¥');
  await expect(detail.getByTestId('disclosure-products-table').locator('tr.ant-table-row')).toHaveCount(drawn.body.content.products.length);
  // The year is not over: the server does not offer publish, and the page says when it can be.
  await expect(detail.getByTestId('disclosure-publish')).toHaveCount(0);
  await expect(detail.getByTestId('publish-not-offered')).toContainText(`${year} 年度结束后方可发布`);
  // The draft's PDF, fetched with the bureau's token: a PDF whose SHA-256 is the digest shown.
  const [download] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('disclosure-pdf').click()]);
  expect(download.suggestedFilename()).toBe(`pdx-disclosure-${year}-draft.pdf`);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const digest = createHash('sha256').update(pdf).digest('hex');
  await expect(detail.getByTestId('disclosure-pdf-sha')).toContainText(digest);
  expect(digest).toBe(drawn.body.pdfSha256);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'disclosure draft');
  await screenshots(page, 'journey-disclosure-draft');
});

test('监管 and 最高准许收入: the bureau admin sets organization A’s allowed revenue on /organizations; the regulator reads it, with nothing to change', async ({ browser }) => {
  const basis = `成本监审报告（端到端 ${Date.now().toString(36)}）`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, 'bureau-admin', '/organizations');
  await expect(admin.getByRole('heading', { level: 1 })).toContainText('运营主体');
  const row = admin.getByTestId('organizations-table').getByRole('row').filter({ hasText: ORG_A });
  await row.locator('.ant-table-row-expand-icon').click();
  const allowances = admin.getByTestId(`allowances-${ORG_A}`);
  await allowances.getByTestId('set-allowance').click();
  const dialog = admin.getByRole('dialog');
  await expect(dialog).not.toHaveClass(/ant-zoom/);
  await dialog.getByTestId('allowance-cost').fill('12.345');
  await dialog.getByTestId('allowance-profit').fill('100.5');
  await dialog.getByTestId('allowance-tax').fill('12');
  await dialog.getByTestId('allowance-basis').fill(basis);
  await dialog.getByRole('button', { name: /^核\s*定$/ }).click();
  await expect(dialog).toContainText('两位'); // 12.345 is refused, never rounded
  await dialog.getByTestId('allowance-cost').fill('1,000');
  await dialog.getByRole('button', { name: /^核\s*定$/ }).click();
  await confirmModal(admin);
  await expect(allowances).toContainText('1,112.50');
  await expect(allowances).toContainText(basis);
  await expectAccessible(admin, '/organizations');
  await screenshots(admin, 'journey-16-allowance');
  await adminContext.close();

  const regulatorContext = await browser.newContext();
  const regulator = await regulatorContext.newPage();
  await login(regulator, 'regulator-1', '/organizations');
  const seen = regulator.getByTestId('organizations-table').getByRole('row').filter({ hasText: ORG_A });
  await seen.locator('.ant-table-row-expand-icon').click();
  await expect(regulator.getByTestId(`allowances-${ORG_A}`)).toContainText(basis);
  await expect(regulator.getByTestId('set-allowance')).toHaveCount(0);
  await regulator.goto('/audit');
  await expect(regulator.getByRole('heading', { level: 1 })).toContainText('审计');
  await screenshots(regulator, 'journey-16-regulator');
  await regulatorContext.close();
});
