import { describe, expect, it } from 'vitest';
import { screenshot, WIDE } from '../support/browser-fixture.ts';
import { clickOnCanvas, openApp, openUrl, snapshot, waitForLayout, waitForMoreNodes } from '../support/graph-page.ts';
import { useSeededWebApp } from '../support/web-app-fixture.ts';

describe('graph operations, undo and deep links', () => {
  const seeded = useSeededWebApp();

  it('expanding a node adds its neighbours, and undo takes exactly them away', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, '?preset=accessVector:contractor-account');
    const before = await snapshot(page);
    expect(before.nodes).toContain('Organization:org:アスクル');
    // Select アスクル from the node list (the canvas's text alternative), then expand it.
    await page.locator('#node-list-heading').click();
    await page.locator('[data-testid="node-item"][data-node-key="Organization:org:アスクル"]').click();
    expect(await page.getByTestId('details-node').getAttribute('data-key')).toBe('Organization:org:アスクル');
    await page.getByTestId('expand-button').click();
    const after = await waitForMoreNodes(page, before.nodes.length);
    expect(after.nodes.length).toBeGreaterThan(before.nodes.length);
    for (const key of before.nodes) expect(after.nodes).toContain(key);
    // アスクル's neighbours: its services and the subsidiary that ships for others.
    expect(after.nodes).toEqual(expect.arrayContaining(['Service:svc:LOHACO', 'Organization:org:ASKULLOGIST']));
    expect(decodeURIComponent(page.url())).toContain('expand=Organization:org:アスクル');
    await page.getByTestId('undo-button').click();
    await page.waitForFunction(`window.__kg.snapshot().nodes.length === ${before.nodes.length}`);
    expect((await snapshot(page)).nodes.sort()).toEqual([...before.nodes].sort());
    expect(decodeURIComponent(page.url())).not.toContain('expand=');
    expect(await page.getByTestId('undo-button').isEnabled()).toBe(true);
    await page.getByTestId('undo-button').click();
    await page.waitForFunction('window.__kg.snapshot().nodes.length === 0');
    expect(await page.getByTestId('undo-button').isDisabled()).toBe(true);
    await page.getByTestId('empty-state').waitFor({ state: 'visible' });
    await page.close();
  });

  it('a deep link restores the same nodes, filters, selection and open document', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, '?preset=actor:qilin');
    await waitForLayout(page);
    // Expand the Asahi incident, hide events, select the ATTRIBUTED_TO edge.
    const incident = (await snapshot(page)).nodes.find((k) => k.startsWith('Incident:'))!;
    const before = (await snapshot(page)).nodes.length;
    await clickOnCanvas(page, incident, { double: true });
    await waitForMoreNodes(page, before);
    await page.getByTestId('filter-label-Event').uncheck();
    const attributed = (await snapshot(page)).edges.find((id) => id.includes('|ATTRIBUTED_TO|ThreatActor:qilin'))!;
    expect(attributed).toBeDefined();
    await waitForLayout(page);
    await clickOnCanvas(page, attributed);
    await page.getByTestId('evidence-panel').waitFor();
    const view = await snapshot(page);
    const link = page.url();
    expect(decodeURIComponent(link)).toContain('hide=Event');

    const again = await seeded.browser.newPage(WIDE);
    await openUrl(again, link);
    const restored = await snapshot(again);
    expect([...restored.nodes].sort()).toEqual([...view.nodes].sort());
    expect([...restored.edges].sort()).toEqual([...view.edges].sort());
    expect(restored.selected).toEqual({ kind: 'edge', id: attributed });
    expect(await again.getByTestId('filter-label-Event').isChecked()).toBe(false);
    expect(await again.getByTestId('graph').getAttribute('data-node-count')).toBe(await page.getByTestId('graph').getAttribute('data-node-count'));
    expect((await again.getByTestId('evidence-panel').getByTestId('evidence-sentence').allTextContents()).join('')).toContain('Qilin');
    await screenshot(again, 'deep-link-restored');

    // An open document is part of the link too.
    await again.getByTestId('evidence-panel').getByTestId('doc-link').first().click();
    await again.getByTestId('document-text').waitFor();
    const withDocument = again.url();
    expect(withDocument).toContain('doc=');
    const third = await seeded.browser.newPage(WIDE);
    await openUrl(third, withDocument);
    await third.getByTestId('document-text').waitFor();
    expect(await third.locator('[data-testid="document-text"] mark').count()).toBe(1);
    await third.getByTestId('document-close').click();
    await third.waitForURL((url) => !url.search.includes('doc='));
    for (const p of [page, again, third]) await p.close();
  });

  it('shows the API error message in the error panel, never a blank page', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, '?open=no-such-entity-anywhere');
    const panel = page.getByTestId('error-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getByTestId('error-code').textContent()).toContain('KG_NOT_FOUND');
    expect(await panel.getByTestId('error-message').textContent()).toContain('no entity with id, name or alias "no-such-entity-anywhere"');
    await page.getByTestId('empty-state').waitFor({ state: 'visible' });
    // The link that failed is kept, so a reload can try again.
    expect(page.url()).toContain('open=no-such-entity-anywhere');
    await screenshot(page, 'error-panel');
    await page.close();
  });
});
