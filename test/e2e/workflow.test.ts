/**
 * The whole workflow in a real browser against the real server: log in as each role, import a faulty report, fix a
 * finding, submit, approve, review (复核得分, a pinned comment), return, re-submit, approve, accept, publish, and
 * see it on the public page; screenshots of each main page at 1366×768 and 1920×1080 into .tmp/screens/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuild,
  HAS_CHROMIUM,
  launchBrowser,
  login,
  newPage,
  screenshots,
  startServer,
  type RunningServer,
} from './harness.js';
import { faultyReport } from './report.js';

if (!HAS_CHROMIUM) console.warn('跳过端到端测试：未找到 /usr/bin/chromium（apt-get install chromium）');

/** The year the imported report is filed under (the demo unit has 2023 and 2024 already). */
const YEAR = 2022;
const UNIT = '示例区融媒体中心';
const COMMENT = '扣分的指标须填写偏差原因分析及改进措施，请补充。';

describe.skipIf(!HAS_CHROMIUM)('web app end to end', () => {
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  const pageErrors: string[] = [];
  const fault = faultyReport(YEAR);
  let evaluationId = '';
  /** the 自评表 row the reviewer commented on */
  let commentedRow = '';

  /** A logged-in page for a role (own cookies). */
  async function as(username: string): Promise<Page> {
    const { page, errors } = await newPage(browser);
    page.on('close', () => pageErrors.push(...errors));
    await login(page, base, username);
    return page;
  }

  beforeAll(async () => {
    const build = ensureWebBuild();
    if (build.built) console.log(`vite build: ${build.ms} ms`);
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    base = server.url;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the login page and the public page without a session', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${base}/`);
    await expect.poll(() => page.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
    await screenshots(page, 'login');
    await page.goto(`${base}/public`);
    await page
      .getByRole('heading', { name: '预算绩效自评结果公开' })
      .or(page.getByText('预算绩效自评结果公开'))
      .first()
      .waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await context.close();
  });

  it('preparer: imports a faulty report and sees the finding', async () => {
    const page = await as('tianbao');
    await screenshots(page, 'unit-home');
    await page.goto(`${base}/unit/import`);
    await page.getByLabel('评价年度').fill(String(YEAR));
    await page.locator('input[type=file]').setInputFiles({
      name: '示例区融媒体中心2022年部门整体支出绩效自评报告.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(fault.text, 'utf8'),
    });
    await page.getByText('导入结果').first().waitFor({ timeout: 30_000 });
    // the fault is reported: the self score above what the rule gives
    await expect
      .poll(() => page.getByText(new RegExp(`自评为${fault.weight}分，按规则应为`)).count())
      .toBeGreaterThan(0);
    await screenshots(page, 'unit-import-result');
    await page.getByRole('button', { name: '进入编辑' }).click();
    await page.waitForURL(/\/unit\/evaluations\//);
    evaluationId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(evaluationId).toMatch(/^[0-9a-f-]{36}$/);
    await page.close();
  });

  /** Fire a workflow transition from the unit's editor: its button, then the dialog's confirm button. */
  async function transition(page: Page, label: string, then: string) {
    await page.locator('.editor-actions').getByRole('button', { name: label, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: label });
    await dialog.getByRole('button', { name: new RegExp(`^(仍然)?${label}$`) }).click();
    await page.locator('.editor-title-sub .ant-tag', { hasText: then }).waitFor();
  }

  it('preparer: fixes the finding in the editor and submits', async () => {
    const page = await as('tianbao');
    // where the fault stands, as the API's check reports it (the editor shows the same findings)
    const check = (await (await page.request.get(`${base}/api/evaluations/${evaluationId}/check`)).json()) as {
      findings: { rule: string; where: { path: string }[] }[];
    };
    const scorePath = check.findings.find((f) => f.rule === 'arith.indicator-score')?.where[0]?.path;
    expect(scorePath).toMatch(/^selfEvaluation\.indicators\.\d+\.selfScore$/);
    await page.goto(`${base}/unit/evaluations/${evaluationId}`);
    await page.locator('nav[aria-label="填报步骤"]').getByText('自评表').click();
    const cell = page.locator(`input[data-path="${scorePath}"]`);
    await expect.poll(() => cell.inputValue()).toBe(fault.weight);
    await cell.fill(fault.score);
    await cell.press('Tab');
    // the findings update as the user types: the score error is gone, the other one stays
    await expect.poll(() => page.getByText(new RegExp(`自评为${fault.weight}分，按规则应为`)).count()).toBe(0);
    await page.locator('.editor-actions').getByRole('button', { name: '保存' }).click();
    await page.locator('.save-state', { hasText: '已保存' }).waitFor();
    await screenshots(page, 'unit-editor');
    await transition(page, '提交单位审核', '已提交');
    await page.close();
  });

  it('unit approver: approves and hands it to the bureau', async () => {
    const page = await as('shenhe');
    await page.goto(`${base}/unit/evaluations/${evaluationId}`);
    await transition(page, '审核通过并报送财政', '单位已审核');
    await page.close();
  });

  it('reviewer: dashboard, list, batch check and summary', async () => {
    const page = await as('fuhe');
    await page.locator('[aria-label="等次分布饼图"] canvas').waitFor();
    await page.locator('[aria-label="预算执行率与指标完成度散点图"] canvas').waitFor({ timeout: 20_000 });
    await screenshots(page, 'bureau-dashboard', 800);

    await page.getByRole('menuitem', { name: '自评汇总' }).click();
    await page.waitForURL(/\/bureau\/evaluations$/);
    await page.getByLabel('年度').first().click();
    await page.locator(`.ant-select-item-option[title="${YEAR}年度"]`).click();
    const row = page.locator('.bureau-evaluations-table .ant-table-row', { hasText: UNIT });
    await row.waitFor();
    await expect.poll(() => row.locator('.ant-tag').first().textContent()).toBe('单位已审核');
    await screenshots(page, 'bureau-evaluations');

    await page.getByRole('button', { name: '批量核查' }).click();
    const dialog = page.getByRole('dialog', { name: '批量核查' });
    await dialog.getByRole('button', { name: '开始核查' }).click();
    await dialog.getByText(/已核查 \d+ 份/).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: /下载汇总表/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await dialog.getByRole('button', { name: '关闭' }).click();

    await row.getByRole('link', { name: UNIT }).click();
    await page.waitForURL(new RegExp(`/bureau/evaluations/${evaluationId}$`));
    await page.close();
  });

  it('reviewer: scores, comments on a field and returns with a reason', async () => {
    const page = await as('fuhe');
    await page.goto(`${base}/bureau/evaluations/${evaluationId}`);
    await page.locator('[data-state="unitApproved"]').waitFor();
    // 复核得分 on the first indicator row: one point less than its self score
    const input = page.locator('input[data-review-score]').nth(1);
    const placeholder = (await input.getAttribute('placeholder')) ?? '';
    expect(placeholder).toMatch(/^\d+(\.\d+)?$/);
    const reviewScore = (Number(placeholder) - 1).toFixed(2);
    await input.fill(reviewScore);
    await page.getByRole('button', { name: /保存复核得分/ }).click();
    await page.getByText('已保存 1 行复核得分').waitFor();
    await expect.poll(() => page.getByText('已复核 1/').first().isVisible()).toBe(true);

    // the finding left in the report jumps to its row; a comment is pinned to that row's 偏差原因
    await page.locator('.review-finding[data-rule="plaus.deviation-note-missing"]').click();
    const flashed = page.locator('tr.review-row-flash');
    await flashed.waitFor();
    commentedRow = (await flashed.getAttribute('data-path')) ?? '';
    expect(commentedRow).toMatch(/^selfEvaluation\.indicators\.\d+$/);
    await flashed.getByRole('button', { name: '添加批注' }).click();
    const pin = page.getByRole('dialog', { name: /添加批注/ });
    await pin.locator('.ant-select-selector').click();
    await page.locator('.ant-select-item-option[title="偏差原因分析及改进措施"]').click();
    await pin.getByLabel('批注内容').fill(COMMENT);
    await pin.getByRole('button', { name: '添加批注' }).click();
    await page.locator('.review-comment', { hasText: COMMENT }).waitFor();
    await screenshots(page, 'bureau-review');

    await page.getByRole('button', { name: '退回单位修改' }).click();
    const ret = page.getByRole('dialog', { name: '退回单位修改' });
    await ret.getByLabel('退回原因', { exact: true }).fill('请补充发稿数的统计依据后重新提交。');
    await ret.getByRole('button', { name: '退回' }).click();
    await page.locator('[data-state="returned"]').waitFor();
    await page.close();
  });

  it('preparer: reopens the returned evaluation, sees the comment at its field, fixes it and re-submits', async () => {
    const page = await as('tianbao');
    await page.goto(`${base}/unit/evaluations/${evaluationId}`);
    await page.locator('.editor-title-sub .ant-tag', { hasText: '已退回' }).waitFor();
    await transition(page, '重新编辑', '草稿');
    await page.getByText(COMMENT).first().waitFor();
    await page.locator('nav[aria-label="填报步骤"]').getByText('自评表').click();
    const note = page.locator(`input[data-path="${commentedRow}.deviationNote"]`);
    await note.fill('受平台推广经费压缩影响，注册用户增长放缓；下一步将联合社区开展推广活动。');
    await note.press('Tab');
    await expect.poll(() => page.getByText(/却没有填写偏差原因分析及改进措施/).count()).toBe(0);
    await page.locator('.editor-actions').getByRole('button', { name: '保存' }).click();
    await page.locator('.save-state', { hasText: '已保存' }).waitFor();
    await transition(page, '提交单位审核', '已提交');
    await page.close();
  });

  it('unit approver: approves again', async () => {
    const page = await as('shenhe');
    await page.goto(`${base}/unit/evaluations/${evaluationId}`);
    await transition(page, '审核通过并报送财政', '单位已审核');
    await page.close();
  });

  it('reviewer: accepts and publishes', async () => {
    const page = await as('fuhe');
    await page.goto(`${base}/bureau/evaluations/${evaluationId}`);
    await page.locator('[data-state="unitApproved"]').waitFor();
    await page.getByRole('button', { name: '复核通过' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '复核通过' }).click();
    await page.locator('[data-state="accepted"]').waitFor();
    await page.getByRole('button', { name: '公开' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '公开' }).click();
    await page.locator('[data-state="published"]').waitFor();
    await page.goto(`${base}/bureau/tasks`);
    await page.locator('.ant-table-row').first().waitFor();
    await screenshots(page, 'bureau-tasks');
    await page.close();
  });

  it('admin: sees the dashboard, the review page read-only', async () => {
    const page = await as('admin');
    await page.locator('[aria-label="等次分布饼图"]').waitFor();
    await page.goto(`${base}/bureau/evaluations/${evaluationId}`);
    await page.locator('[data-state="published"]').waitFor();
    expect(await page.locator('input[data-review-score]').count()).toBe(0);
    await page.close();
  });

  it('public: the published result is listed with its reports, no login', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${base}/public`);
    const row = page.locator('.ant-table-row', { hasText: `${YEAR}年` }).filter({ hasText: UNIT });
    await row.waitFor();
    await screenshots(page, 'public-results');
    const href = await row.getByRole('link', { name: /Word/ }).getAttribute('href');
    const docx = await page.request.get(`${base}${href}`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toMatch(/officedocument\.wordprocessingml/);
    const pdf = await page.request.get(
      `${base}${(await row.getByRole('link', { name: /PDF/ }).getAttribute('href'))!}`,
    );
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });

  it('had no errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
