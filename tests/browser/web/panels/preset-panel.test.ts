import { describe, expect, it } from 'vitest';
import { NARROW, screenshot, WIDE } from '../../support/browser-fixture.ts';
import { nodeNames, openApp, snapshot, waitIdle, resizeWindow } from '../../support/graph-page.ts';
import { useSeededWebApp } from '../../support/web-app-fixture.ts';

describe('preset views', () => {
  const seeded = useSeededWebApp();

  it('「委託先アカウント経由の事案」 shows the incidents, アスクル株式会社 and the contractor-account node', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url);
    await page.getByTestId('empty-state').waitFor({ state: 'visible' });
    await page.getByTestId('preset-contractor').click();
    await waitIdle(page);
    await page.waitForFunction('window.__kg.snapshot().nodes.length > 0');
    const graph = await snapshot(page);
    expect(graph.nodes).toContain('AccessVector:contractor-account');
    expect(graph.nodes).toContain('Organization:org:アスクル');
    expect(graph.nodes.some((key) => key.startsWith('Incident:'))).toBe(true);
    expect(await nodeNames(page)).toContain('アスクル株式会社');
    expect(page.url()).toContain('preset=accessVector%3Acontractor-account');
    expect(await page.getByTestId('empty-state').isHidden()).toBe(true);
    await screenshot(page, 'preset-contractor');
    await resizeWindow(page, NARROW);
    await screenshot(page, 'preset-contractor');
    await page.close();
  });

  it('「Qilinの被害組織」 shows Qilin, アサヒグループホールディングス株式会社 and the organizations hit downstream', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url);
    await page.getByTestId('preset-qilin').click();
    await waitIdle(page);
    await page.waitForFunction('window.__kg.snapshot().nodes.length > 0');
    const graph = await snapshot(page);
    expect(graph.nodes).toContain('ThreatActor:qilin');
    expect(graph.nodes).toContain('Organization:org:アサヒグループホールディングス');
    const names = await nodeNames(page);
    expect(names).toContain('アサヒグループホールディングス株式会社');
    // Downstream: the group companies whose orders and shipping stopped.
    expect(names).toEqual(expect.arrayContaining(['アサヒビール株式会社', 'アサヒ飲料株式会社']));
    await screenshot(page, 'preset-qilin');
    await resizeWindow(page, NARROW);
    await screenshot(page, 'preset-qilin');
    await page.close();
  });

  it('keeps a legend with a colour and a shape for every node type', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, '?preset=actor:qilin');
    const legend = page.getByTestId('legend-labels');
    const text = (await legend.textContent()) ?? '';
    for (const name of ['事案', '組織', '攻撃グループ', 'マルウェア', '侵入経路', 'セキュリティ対策']) expect(text).toContain(name);
    const swatches = legend.locator('svg.swatch');
    expect(await swatches.count()).toBeGreaterThanOrEqual(12);
    // Shapes differ: polygons with different outlines (and one circle).
    const polygons = await legend.locator('svg.swatch polygon').all();
    const outlines = new Set(await Promise.all(polygons.map((p) => p.getAttribute('points'))));
    expect(outlines.size).toBeGreaterThanOrEqual(11);
    await page.close();
  });

  it('renders the whole graph (160+ nodes) with labels hidden when zoomed out, at both window sizes', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, '?preset=all');
    const graph = await snapshot(page);
    expect(graph.nodes.length).toBeGreaterThan(150);
    await screenshot(page, 'preset-all');
    await resizeWindow(page, NARROW);
    await screenshot(page, 'preset-all');
    expect(seeded.browser.pageErrors).toEqual([]);
    await page.close();
  });
});
