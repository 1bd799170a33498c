import { describe, expect, it } from 'vitest';
import { NARROW, screenshot, WIDE } from '../../support/browser-fixture.ts';
import { openApp, openUrl, snapshot, waitForMoreNodes } from '../../support/graph-page.ts';
import { useSeededWebApp } from '../../support/web-app-fixture.ts';

describe('Japanese search', () => {
  const seeded = useSeededWebApp();

  it('shows ranked documents with the highlight offsets marked, and opens a result into the graph', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url);
    await page.getByTestId('search-input').fill('委託先アカウント');
    await page.getByTestId('search-submit').click();
    const results = page.getByTestId('search-result');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(0);
    // The first result is ASKUL's 第13報, which names the contractor account as the way in.
    expect(await results.first().getByTestId('doc-link').textContent()).toContain('第13報');
    const marks = await page.getByTestId('search-passage').locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((m) => '委託先アカウント'.includes(m) || m.includes('委託') || m.includes('アカウント'))).toBe(true);
    // Text goes in as text: no markup from documents.
    expect(await page.getByTestId('search-passage').locator('script, img').count()).toBe(0);
    expect(decodeURIComponent(page.url())).toContain('q=委託先アカウント');
    await screenshot(page, 'search-results');

    await results.first().getByTestId('open-result').click();
    const graph = await waitForMoreNodes(page, 0);
    expect(graph.nodes).toContain('Organization:org:アスクル');
    expect(graph.nodes).toContain('AccessVector:contractor-account');
    expect(graph.selected).toEqual({ kind: 'node', key: graph.nodes.find((k) => k.startsWith('Incident:')) });
    await page.close();
  });

  it('restores a search from the link, in a narrow window too', async () => {
    const page = await seeded.browser.newPage(NARROW);
    await openUrl(page, `${seeded.web.url}/?q=${encodeURIComponent('ランサムウェア 暗号化')}`);
    await page.getByTestId('search-result').first().waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('ランサムウェア 暗号化');
    expect(await page.getByTestId('search-passage').locator('mark').count()).toBeGreaterThan(0);
    await page.locator('#search-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'search-results');
    expect((await snapshot(page)).nodes).toEqual([]);
    await page.close();
  });
});
