import { describe, expect, it } from 'vitest';
import { NARROW, screenshot, WIDE } from '../support/browser-fixture.ts';
import { clickOnCanvas, openApp, snapshot, waitForLayout, waitIdle, resizeWindow } from '../support/graph-page.ts';
import { useSeededWebApp } from '../support/web-app-fixture.ts';

const ASAHI_VICTIM = /^Incident:inc:[0-9a-f]+\|VICTIM\|Organization:org:アサヒグループホールディングス$/;

describe('the graph canvas', () => {
  const seeded = useSeededWebApp();

  it('clicking an edge shows its evidence: document title and the sentence with the span marked', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, '?preset=actor:qilin');
    await waitForLayout(page);
    const edge = (await snapshot(page)).edges.find((id) => ASAHI_VICTIM.test(id));
    expect(edge, 'the Qilin preset has no VICTIM edge to Asahi').toBeDefined();
    await clickOnCanvas(page, edge!);
    const panel = page.getByTestId('evidence-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getAttribute('data-edge')).toBe(edge);
    expect(await panel.locator('.details-title').textContent()).toBe('被害組織');
    const sentences = await panel.getByTestId('evidence-sentence').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.join('')).toContain('アサヒグループホールディングス');
    expect(await panel.getByTestId('doc-link').first().textContent()).toMatch(/\S/);
    // The evidence span is marked inside at least one sentence.
    expect(await panel.locator('[data-testid="evidence-sentence"] mark').count()).toBeGreaterThan(0);
    expect((await snapshot(page)).selected).toEqual({ kind: 'edge', id: edge });
    expect(decodeURIComponent(page.url())).toContain(`sel=edge:${edge}`);
    await screenshot(page, 'edge-evidence');
    await resizeWindow(page, NARROW);
    await screenshot(page, 'edge-evidence');
    await page.close();
  });

  it('clicking a node shows its details and the evidence of its edges; clicking the background clears it', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, '?preset=actor:qilin');
    await waitForLayout(page);
    await clickOnCanvas(page, 'ThreatActor:qilin');
    const header = page.getByTestId('details-node');
    await header.waitFor({ state: 'visible' });
    expect(await header.getAttribute('data-key')).toBe('ThreatActor:qilin');
    expect(await header.locator('.details-title').textContent()).toContain('Qilin');
    await page.getByTestId('node-evidence').waitFor();
    expect((await page.getByTestId('node-evidence').getByTestId('evidence-sentence').allTextContents()).join('')).toMatch(/Qilin|キリン/);
    // Aliases come from GET /api/entities/:id.
    await page.locator('.aliases').waitFor();
    expect(await page.locator('.aliases').textContent()).toContain('Agenda');
    const box = await page.getByTestId('graph').boundingBox();
    await page.mouse.click(box!.x + 8, box!.y + box!.height - 40);
    await page.locator('#details .placeholder').waitFor();
    expect((await snapshot(page)).selected).toBeNull();
    await page.close();
  });

  it('double-clicking a node expands its neighbours', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, '?preset=accessVector:contractor-account');
    await waitForLayout(page);
    const before = await snapshot(page);
    await clickOnCanvas(page, 'Organization:org:アスクル', { double: true });
    await page.waitForFunction(`window.__kg.snapshot().nodes.length > ${before.nodes.length}`, undefined, { timeout: 60_000 });
    await waitIdle(page);
    expect(decodeURIComponent(page.url())).toContain('expand=Organization:org:アスクル');
    await page.close();
  });
});
