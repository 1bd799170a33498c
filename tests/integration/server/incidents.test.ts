import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentDetail, IncidentList } from '../../../server/routes/api/incidents/schemas.ts';
import { expectEvidence } from './support/evidence-assertions.ts';
import { qs, seedTestGraph, startTestServer, type TestServer } from './support/server-fixture.ts';

type List = IncidentList;
type Detail = IncidentDetail;

describe('GET /api/incidents', () => {
  let server: TestServer;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  const victimNames = (list: List) => list.items.map((i) => i.victim?.target.name ?? '');

  it('answers "which incidents involved contractor accounts" with the ASKUL incident and its evidence', async () => {
    const res = await server.get(`/api/incidents${qs({ accessVector: 'contractor-account' })}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.schemaMatching(IncidentList));
    const list = res.body as List;
    expect(victimNames(list).some((n) => n.includes('アスクル'))).toBe(true);
    for (const incident of list.items) {
      const vector = incident.accessVectors.find((f) => f.target.id === 'contractor-account');
      expect(vector, `${incident.id} matched without a contractor-account fact`).toBeDefined();
      expectEvidence(vector!.evidence);
      if (incident.victim) expectEvidence(incident.victim.evidence);
    }
  });

  it('accepts a vocabulary alias for the access vector (委託先アカウント)', async () => {
    const byId = (await server.get(`/api/incidents${qs({ accessVector: 'contractor-account' })}`)).body as List;
    const byAlias = (await server.get(`/api/incidents${qs({ accessVector: '委託先アカウント' })}`)).body as List;
    expect(byAlias.resolvedFilters.accessVector).toEqual(['contractor-account']);
    expect(byAlias.items.map((i) => i.id)).toEqual(byId.items.map((i) => i.id));
  });

  it('resolves actor aliases: キリン, Agenda and qilin give the same incidents, including Asahi', async () => {
    const answers = await Promise.all(['qilin', 'キリン', 'Agenda'].map((actor) => server.get(`/api/incidents${qs({ actor })}`)));
    for (const res of answers) expect(res.status).toBe(200);
    const ids = answers.map((res) => (res.body as List).items.map((i) => i.id).sort());
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
    const list = answers[0]!.body as List;
    expect(victimNames(list).some((n) => n.includes('アサヒグループホールディングス'))).toBe(true);
    for (const incident of list.items) expectEvidence(incident.actors.find((a) => a.target.id === 'qilin')?.evidence);
  });

  it('filters by organization name or alias and by date', async () => {
    const byOrg = (await server.get(`/api/incidents${qs({ org: 'アスクル' })}`)).body as List;
    expect(byOrg.total).toBeGreaterThan(0);
    expect(byOrg.items.every((i) => [i.victim, ...i.impacted].some((f) => f?.target.name?.includes('アスクル') || f?.target.id === byOrg.resolvedFilters.org?.[0]))).toBe(true);

    const all = (await server.get('/api/incidents?limit=200')).body as List;
    const dated = all.items.filter((i) => (i.discoveredAt ?? i.anchorDate) !== null);
    expect(dated.length).toBeGreaterThan(1);
    const day = (dated[0]!.discoveredAt ?? dated[0]!.anchorDate)!;
    const window = (await server.get(`/api/incidents${qs({ from: day, to: day })}`)).body as List;
    expect(window.items.length).toBeGreaterThan(0);
    expect(window.items.every((i) => (i.discoveredAt ?? i.anchorDate) === day)).toBe(true);
    const after = (await server.get(`/api/incidents${qs({ from: '2099-01-01' })}`)).body as List;
    expect(after.total).toBe(0);
  });

  it('pages with limit and offset', async () => {
    const all = (await server.get('/api/incidents?limit=200')).body as List;
    const page = (await server.get('/api/incidents?limit=1&offset=1')).body as List;
    expect(page.total).toBe(all.total);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.id).toBe(all.items[1]!.id);
  });

  it('answers an unknown filter value with no incidents rather than an error', async () => {
    const res = await server.get(`/api/incidents${qs({ actor: 'no-such-actor' })}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 0, items: [], resolvedFilters: { actor: [] } });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=-5', 'limit'],
    ['limit=201', 'limit'],
    ['limit=99999999999', 'limit'],
    ['limit=abc', 'limit'],
    ['offset=-1', 'offset'],
    ['from=2025-13-01', 'from'],
    ['from=yesterday', 'from'],
    ['to=2025-02-30', 'to'],
    ['from=2025-10-02&to=2025-10-01', 'from'],
    [`actor=${'x'.repeat(101)}`, 'actor'],
    ['org=', 'org'],
  ])('refuses %s with 400 naming the parameter', async (query, param) => {
    const res = await server.get(`/api/incidents?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'KG_INVALID_REQUEST' } });
    expect((res.body as { error: { message: string } }).error.message).toContain(param);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([`' OR 1=1 //`, '*:*', '"', '}) MATCH (n) DETACH DELETE n //', '$x'])('treats %s in a filter as plain text', async (value) => {
    const res = await server.get(`/api/incidents${qs({ actor: value, org: value })}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 0 });
  });
});

describe('GET /api/incidents/:id', () => {
  let server: TestServer;
  let askul: Detail;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer();
    const list = (await server.get(`/api/incidents${qs({ org: 'アスクル株式会社', limit: 200 })}`)).body as List;
    const id = list.items.find((i) => i.victim?.target.name?.includes('アスクル'))?.id;
    if (!id) throw new Error('the seeds gave no incident whose victim is アスクル');
    askul = (await server.get(`/api/incidents/${encodeURIComponent(id)}`)).body as Detail;
  });
  afterAll(async () => server?.close());

  it('gives the victim, facts, breach and sources, each fact with evidence', async () => {
    expect(askul).toEqual(expect.schemaMatching(IncidentDetail));
    expect(askul.victim?.target.name).toContain('アスクル');
    expectEvidence(askul.victim?.evidence);
    const facts = [...askul.actors, ...askul.malware, ...askul.accessVectors, ...askul.techniques, ...askul.lackedControls, ...askul.remediations, ...askul.impacted];
    expect(facts.length).toBeGreaterThan(3);
    for (const fact of facts) expectEvidence(fact.evidence);
    expect(askul.accessVectors.map((f) => f.target.id)).toContain('contractor-account');
    expect(askul.lackedControls.map((f) => f.target.id)).toContain('mfa');
    expect(askul.remediations.length).toBeGreaterThan(0);
    if (askul.breach) expectEvidence(askul.breach.evidence);
    expect(askul.sources.length).toBeGreaterThanOrEqual(2);
    for (const doc of askul.sources) expect(doc.title).toMatch(/\S/);
    const published = askul.sources.map((s) => s.publishedAt ?? '9999');
    expect(published).toEqual([...published].sort());
    // Evidence points into the documents the incident lists (or others that mention it).
    const evidenceDocs = new Set(facts.flatMap((f) => f.evidence.map((e) => e.docId)));
    expect([...evidenceDocs].some((d) => askul.sources.some((s) => s.id === d))).toBe(true);
  });

  it('has a dated timeline sorted by date, each event with evidence', async () => {
    expect(askul.timeline.length).toBeGreaterThan(2);
    const dates = askul.timeline.map((e) => e.date ?? '9999');
    expect(dates).toEqual([...dates].sort());
    for (const event of askul.timeline) {
      expect(event.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expectEvidence(event.evidence);
    }
    expect(askul.timeline.some((e) => e.date === '2025-10-19')).toBe(true);
  });

  it('folds the same fact from several documents into one fact with several evidence items', async () => {
    const victimDocs = new Set(askul.victim!.evidence.map((e) => e.docId));
    expect(victimDocs.size).toBe(askul.victim!.evidence.length);
    expect(victimDocs.size).toBeGreaterThan(1);
    const ids = askul.remediations.map((f) => f.target.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers 404 for an unknown id and 400 for an unusable one', async () => {
    const missing = await server.get('/api/incidents/inc:does-not-exist');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'KG_NOT_FOUND' } });
    const tooLong = await server.get(`/api/incidents/${'a'.repeat(300)}`);
    expect(tooLong.status).toBe(400);
    const control = await server.get('/api/incidents/%01abc');
    expect(control.status).toBe(400);
  });
});
