import { describe, expect, it } from 'vitest';
import { screenshot, WIDE } from '../../support/browser-fixture.ts';
import { openApp, snapshot, waitForMoreNodes } from '../../support/graph-page.ts';
import { useSeededWebApp } from '../../support/web-app-fixture.ts';

describe('paths between two entities', () => {
  const seeded = useSeededWebApp();

  it('finds the shortest paths from キリン to アスクル by name and draws them emphasised', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url);
    await page.getByText('経路検索').click();
    await page.getByTestId('path-from').fill('キリン');
    await page.getByTestId('path-to').fill('アスクル');
    await page.getByTestId('path-submit').click();
    const graph = await waitForMoreNodes(page, 0);
    expect(graph.nodes).toEqual(expect.arrayContaining(['ThreatActor:qilin', 'Organization:org:アスクル']));
    const result = page.getByTestId('path-result');
    expect(await result.textContent()).toMatch(/\d+ 本の最短経路（\d+ ホップ）/);
    expect(decodeURIComponent(page.url())).toContain('path=キリン|アスクル');
    await screenshot(page, 'path');
    await page.close();
  });

  it('says so when the ends name nothing', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, `?path=${encodeURIComponent('qilin|存在しない組織名')}`);
    const panel = page.getByTestId('error-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getByTestId('error-message').textContent()).toMatch(/\S/);
    expect((await snapshot(page)).nodes).toEqual([]);
    await page.close();
  });
});
