// The hunting flows of the workbench, end to end against a real server.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { openWorkbench, pasteQuery, runWithKeyboard, expectRows, gridColumns, hunt, shot, repoRoot } from './workbench.js';

test('rare-process hunt: table, chart, pivot on Computer, bar tooltip', async ({ page }, testInfo) => {
  await openWorkbench(page);
  await pasteQuery(page, hunt('05-new-processes-this-week.kql'));
  await runWithKeyboard(page);
  await expectRows(page);

  // A result with `render barchart` opens as a chart; the table is one click away.
  await page.click('#view-table');
  const columns = await gridColumns(page);
  expect(columns).toEqual(expect.arrayContaining(['Process', 'Computer', 'Account']));
  await expect(page.locator('.grid-row').first()).toBeVisible();
  const computers = new Set(await page.locator('.grid-row').evaluateAll((rows, at) => rows.map((r) => r.querySelectorAll('.grid-cell')[at].firstChild.textContent), columns.indexOf('Computer')));

  await page.click('#view-chart');
  await expect(page.locator('#chart-host canvas').first()).toBeVisible();
  await expect(page.locator('#chart-host')).toHaveAttribute('data-render', 'barchart');

  await page.selectOption('#pivot', 'Computer');
  await page.waitForTimeout(300);
  const point = await page.evaluate(() => window.__workbench.chartPoint());
  expect(point).not.toBeNull();
  const box = await page.locator('#chart-host').boundingBox();
  await page.mouse.move(box.x + point.x, box.y + point.y);
  const tooltip = page.locator('.chart-tooltip');
  await expect(tooltip).toBeVisible();
  const tip = await tooltip.textContent();
  // The series of the pivoted chart are the result's computers.
  expect([...computers].some((c) => tip.includes(c))).toBe(true);
  await shot(page, testInfo, 'rare-process-chart-pivot-computer');
  // The README's picture of the workbench, refreshed when asked to (WORKBENCH_SCREENSHOT=1).
  if (process.env.WORKBENCH_SCREENSHOT) {
    copyFileSync(testInfo.outputPath('rare-process-chart-pivot-computer.png'), path.join(repoRoot, 'docs/workbench.png'));
  }
});

test('±5 minutes around a time opens the drill-down tab', async ({ page }, testInfo) => {
  await openWorkbench(page);
  await pasteQuery(page, hunt('02-rare-processes.kql'));
  await runWithKeyboard(page);
  await expectRows(page);
  const columns = await gridColumns(page);
  const at = columns.indexOf('FirstSeen');
  expect(at).toBeGreaterThanOrEqual(0);
  const cell = page.locator('.grid-row').first().locator('.grid-cell').nth(at);
  const firstSeen = (await cell.evaluate((c) => c.firstChild.textContent)).trim();
  await cell.click({ button: 'right' });
  await page.click('[data-action="window"]');

  await expect(page.locator('.tab')).toHaveCount(2);
  await expect(page.locator('.tab[aria-selected="true"]')).toContainText('±5m');
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready', { timeout: 120000 });
  const text = await page.evaluate(() => window.__workbench.editor.getValue());
  expect(text).toContain(`let t = datetime(${firstSeen});`);
  expect(text).toContain('| where TimeGenerated between ((t - 5m) .. (t + 5m))');
  await expectRows(page);
  // Every row lies in the window.
  const timeAt = (await gridColumns(page)).indexOf('TimeGenerated');
  const times = await page.locator('.grid-row').evaluateAll((rows, i) => rows.map((r) => r.querySelectorAll('.grid-cell')[i].firstChild.textContent), timeAt);
  const center = Date.parse(firstSeen);
  for (const t of times) expect(Math.abs(Date.parse(t) - center)).toBeLessThanOrEqual(5 * 60 * 1000);
  await shot(page, testInfo, 'drill-down-window');
});

test('encoded PowerShell hunt: expand a decoded payload', async ({ page }, testInfo) => {
  await openWorkbench(page);
  await pasteQuery(page, hunt('01-encoded-powershell.kql'));
  await runWithKeyboard(page);
  await expectRows(page);
  expect(await gridColumns(page)).toContain('decode');
  await page.locator('.grid-row').first().locator('.grid-expander').click();
  const detail = page.locator('.grid-detail').first();
  await expect(detail).toBeVisible();
  await expect(detail.locator('.grid-detail-name', { hasText: /^decode$/ })).toBeVisible();
  await expect(detail).toContainText(/IEX|Invoke|Gzip|MemoryStream/);
  await shot(page, testInfo, 'encoded-powershell-expanded');
});

test('a syntax error is squiggled where the server reports it', async ({ page }, testInfo) => {
  await openWorkbench(page);
  const query = 'SecurityEvent\n| where EventID == 4688\n| summarize count() by Computer,\n| take 10';
  // The position the engine itself reports for this query.
  let expected;
  try {
    execFileSync(process.env.HUNTDB_BIN, ['query', '--workspace', process.env.WORKBENCH_WORKSPACE, query], { stdio: 'pipe' });
  } catch (e) {
    const m = /^(\d+):(\d+):/m.exec(String(e.stderr) + String(e.stdout));
    expected = { line: Number(m[1]), col: Number(m[2]) };
  }
  expect(expected).toBeDefined();
  await pasteQuery(page, query);
  await runWithKeyboard(page);
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'error');
  await expect(page.locator('#message')).toContainText(`${expected.line}:${expected.col}`);
  const marker = await page.evaluate(() => {
    const ed = window.__workbench.editor;
    const m = window.__workbench.markers(ed.getModel()).find((x) => x.owner === 'huntdb');
    return m && { line: m.startLineNumber, col: m.startColumn };
  });
  expect(marker).toEqual(expected);
  // The squiggle is drawn on that line, starting at that column.
  const squiggle = page.locator('.squiggly-error').first();
  await expect(squiggle).toBeVisible();
  const pos = await page.evaluate(({ line, col }) => {
    const ed = window.__workbench.editor;
    const p = ed.getScrolledVisiblePosition({ lineNumber: line, column: col });
    const r = ed.getDomNode().getBoundingClientRect();
    return { x: r.left + p.left, y: r.top + p.top, h: p.height };
  }, expected);
  const boxes = await page.locator('.squiggly-error').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.left, y: r.top, w: r.width, h: r.height })));
  // On that line, covering that column (an error at the end of a line is drawn on its last
  // character, as the editor draws empty ranges).
  const hits = boxes.filter((b) => b.y >= pos.y - 2 && b.y <= pos.y + pos.h && b.x <= pos.x + 2 && b.x + b.w >= pos.x - 12);
  expect(hits.length).toBeGreaterThan(0);
  await shot(page, testInfo, 'syntax-error-squiggle');
});

test('a long query shows its progress and can be cancelled', async ({ page }, testInfo) => {
  await openWorkbench(page);
  await pasteQuery(page, 'range x from 1 to 100000000 step 1\n| extend s = strcat("row", x, "-", x * 7)\n| summarize dcount(s) by x % 10');
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('#progress')).toBeVisible();
  await expect(page.locator('#progress-text')).toContainText(/Running… \d+\.\d s/);
  await expect(page.locator('.tab[aria-selected="true"]')).toContainText('…');
  await shot(page, testInfo, 'long-query-progress');
  await page.click('#cancel');
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'error', { timeout: 5000 });
  await expect(page.locator('#message')).toHaveText('Query cancelled.');
  await expect(page.locator('#run')).toBeVisible();
});
