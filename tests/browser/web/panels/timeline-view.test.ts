import { beforeAll, describe, expect, it } from 'vitest';
import { NARROW, screenshot, WIDE } from '../../support/browser-fixture.ts';
import { openApp, resizeWindow } from '../../support/graph-page.ts';
import { useSeededWebApp } from '../../support/web-app-fixture.ts';

describe("an incident's timeline and its documents", () => {
  const seeded = useSeededWebApp();
  let askulIncident: string;
  beforeAll(async () => {
    const list = (await (await fetch(`${seeded.web.url}/api/incidents?accessVector=contractor-account`)).json()) as { items: { id: string; victim: { target: { id: string } } | null }[] };
    const askul = list.items.find((i) => i.victim?.target.id === 'org:アスクル');
    if (!askul) throw new Error('the seeds have no contractor-account incident of アスクル');
    askulIncident = askul.id;
  });

  it('lists the dated events oldest first, each with its source document', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, `?preset=accessVector:contractor-account&sel=${encodeURIComponent(`node:Incident:${askulIncident}`)}`);
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const items = timeline.getByTestId('timeline-item');
    expect(await items.count()).toBeGreaterThan(5);
    const dates = (await Promise.all((await items.all()).map((item) => item.getAttribute('data-date')))).map((d) => d ?? '');
    const dated = dates.filter((d) => d.length > 0);
    expect(dated).toEqual([...dated].sort());
    expect(dated[0]).toBe('2025-10-19');
    expect(await items.first().getByTestId('doc-link').count()).toBeGreaterThan(0);
    await screenshot(page, 'incident-timeline');
    await resizeWindow(page, NARROW);
    await screenshot(page, 'incident-timeline');
    await page.close();
  });

  it('opens a source document with the evidence span marked, linking to the original when it has a URL', async () => {
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, `?preset=accessVector:contractor-account&sel=${encodeURIComponent(`node:Incident:${askulIncident}`)}`);
    await page.getByTestId('timeline').waitFor();
    const link = page.getByTestId('timeline-item').first().getByTestId('doc-link').first();
    const title = await link.textContent();
    await link.click();
    const dialog = page.getByTestId('document-view');
    await dialog.getByTestId('document-text').waitFor();
    expect(await dialog.locator('.document-title').textContent()).toBe(title);
    const mark = dialog.locator('mark.evidence-mark');
    expect(await mark.count()).toBe(1);
    expect(((await mark.textContent()) ?? '').length).toBeGreaterThan(0);
    await screenshot(page, 'document-view');
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.search.includes('doc='));
    await page.close();
  });

  it("links a document to its original URL when it has one (ASKUL's 第1報)", async () => {
    const detail = (await (await fetch(`${seeded.web.url}/api/incidents/${encodeURIComponent(askulIncident)}`)).json()) as { sources: { id: string; url: string | null; reportNumber: number | null }[] };
    const first = detail.sources.find((s) => s.reportNumber === 1 && s.url);
    expect(first, 'ASKUL 第1報 with a URL is not among the sources').toBeDefined();
    const page = await seeded.browser.newPage(WIDE);
    await openApp(page, seeded.web.url, `?doc=${encodeURIComponent(first!.id)}`);
    const link = page.getByTestId('document-view').getByTestId('document-source-url');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(first!.url);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await page.getByTestId('document-text').textContent()).toContain('アスクル');
    await page.close();
  });
});
