// Helpers the end-to-end tests share: open the workbench, put a query in the editor, run it,
// read the grid, save a screenshot.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');

export function hunt(name) {
  return readFileSync(path.join(repoRoot, 'examples/hunts', name), 'utf8').trim();
}

export async function openWorkbench(page) {
  await page.goto(`${process.env.WORKBENCH_URL}/`);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-schema', /ready|failed/, { timeout: 60000 });
}

// Replaces the editor's text as a user pasting does: select all, then a paste event carrying
// the text (typing it key by key would fight the editor's auto-closing of quotes and brackets).
export async function pasteQuery(page, text) {
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const target = document.querySelector('.monaco-editor textarea');
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect.poll(() => page.evaluate(() => window.__workbench.editor.getValue())).toBe(text);
}

export async function runWithKeyboard(page) {
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('#results')).toHaveAttribute('data-state', /ready|error/, { timeout: 120000 });
}

export async function expectRows(page) {
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
  const stats = await page.locator('#result-stats').textContent();
  const rows = Number(stats.replace(/,/g, '').match(/(\d+) rows/)[1]);
  expect(rows).toBeGreaterThan(0);
  return rows;
}

// The grid's column names in order.
export async function gridColumns(page) {
  return page.locator('.grid-header .grid-sort').allTextContents();
}

export async function shot(page, testInfo, name) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}
