import type { Page } from 'playwright-core';

/**
 * Driving the graph browser from tests without DOM types (the root tsconfig has none): the
 * page is read through locators and through `window.__kg`, which the app exposes with plain
 * facts about the drawing (evaluated as string expressions).
 */

export interface GraphSnapshot {
  readonly nodes: string[];
  readonly edges: string[];
  readonly selected: { kind: 'node'; key: string } | { kind: 'edge'; id: string } | null;
  readonly steps: number;
}

/** Opens the app at `query` (e.g. `?preset=actor:qilin`) and waits until the view is restored and idle. */
export async function openApp(page: Page, baseUrl: string, query = ''): Promise<void> {
  await openUrl(page, `${baseUrl}/${query}`);
}

/** Opens a full URL of the app (a shared link) and waits until its view is restored and idle. */
export async function openUrl(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitIdle(page);
}

/** Waits until the URL's view is restored and no graph operation is running. */
export async function waitIdle(page: Page): Promise<void> {
  await page.locator('[data-testid="graph"][data-ready="true"][data-busy="false"]').waitFor({ state: 'attached', timeout: 60_000 });
}

export async function snapshot(page: Page): Promise<GraphSnapshot> {
  return (await page.evaluate('window.__kg.snapshot()')) as GraphSnapshot;
}

/** Waits until the graph holds more than `count` nodes. */
export async function waitForMoreNodes(page: Page, count: number): Promise<GraphSnapshot> {
  await page.waitForFunction(`window.__kg.snapshot().nodes.length > ${count}`, undefined, { timeout: 60_000 });
  await waitIdle(page);
  return snapshot(page);
}

/** Clicks an element where it is drawn on the canvas (a node's centre, an edge's midpoint). */
export async function clickOnCanvas(page: Page, id: string, options: { double?: boolean } = {}): Promise<void> {
  const point = (await page.evaluate(`window.__kg.renderedPoint(${JSON.stringify(id)})`)) as { x: number; y: number } | null;
  if (!point) throw new Error(`${id} is not drawn`);
  const box = await page.getByTestId('graph').boundingBox();
  if (!box) throw new Error('the graph container has no box');
  const x = box.x + point.x;
  const y = box.y + point.y;
  if (options.double) await page.mouse.dblclick(x, y);
  else await page.mouse.click(x, y);
}

/** Resizes the window and waits until the graph has been fitted to its new size. */
export async function resizeWindow(page: Page, size: { width: number; height: number }): Promise<void> {
  const graph = page.getByTestId('graph');
  const before = await graph.getAttribute('data-fitted-width');
  await page.setViewportSize(size);
  await page.waitForFunction(
    `(() => { const g = document.querySelector('[data-testid="graph"]'); return g.dataset.fittedWidth !== ${JSON.stringify(before)} && String(g.clientWidth) === g.dataset.fittedWidth; })()`,
    undefined,
    { timeout: 10_000 },
  );
  await waitIdle(page);
}

/** Waits for layout animation to settle so drawn positions are final. */
export async function waitForLayout(page: Page): Promise<void> {
  await page.waitForFunction('window.__kg.layoutRunning() === false', undefined, { timeout: 30_000 });
}

/** The display names in the node list (every node on screen). */
export async function nodeNames(page: Page): Promise<string[]> {
  return page.getByTestId('node-item').locator('.node-name').allTextContents();
}
