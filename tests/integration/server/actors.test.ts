import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorVictims } from '../../../server/routes/api/actors/schemas.ts';
import { expectEvidence } from './support/evidence-assertions.ts';
import { seedTestGraph, startTestServer, type TestServer } from './support/server-fixture.ts';

describe('GET /api/actors/:id/victims', () => {
  let server: TestServer;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it.each(['キリン', 'Agenda', 'qilin', 'QILIN'])('resolves %s to Qilin and lists アサヒグループホールディングス with evidence', async (alias) => {
    const res = await server.get(`/api/actors/${encodeURIComponent(alias)}/victims`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.schemaMatching(ActorVictims));
    const body = res.body as ActorVictims;
    expect(body.actor.id).toBe('qilin');
    const asahi = body.victims.find((v) => v.victim?.name?.includes('アサヒグループホールディングス'));
    expect(asahi, 'Asahi is not among the victims').toBeDefined();
    expectEvidence(asahi!.victimEvidence);
    expect(asahi!.attribution.length).toBeGreaterThan(0);
    for (const fact of asahi!.attribution) expectEvidence(fact.evidence);
  });

  it('lists downstream organizations, every route backed by edges with evidence', async () => {
    const body = (await server.get('/api/actors/qilin/victims')).body as ActorVictims;
    expect(body.downstream.length).toBeGreaterThan(0);
    const edges = new Map(body.edges.map((e) => [e.id, e]));
    for (const entry of body.downstream) {
      expect(entry.routes.length).toBeGreaterThan(0);
      for (const route of entry.routes) {
        expect(route.nodes[route.nodes.length - 1]).toBe(entry.node.key);
        expect(route.edges).toHaveLength(route.nodes.length - 1);
        for (const id of route.edges) {
          const edge = edges.get(id);
          expect(edge, `route edge ${id} is not in edges`).toBeDefined();
          expectEvidence(edge!.evidence);
        }
      }
    }
    // Impacted organizations of the victims' incidents are downstream.
    const impacted = body.victims.flatMap((v) => v.impacted.map((f) => f.target.id));
    for (const id of impacted) expect(body.downstream.some((d) => d.node.id === id)).toBe(true);
  });

  it('finds the companies hit downstream of ASKUL through the group that claimed it (RansomHouse)', async () => {
    const body = (await server.get(`/api/actors/${encodeURIComponent('ランサムハウス')}/victims`)).body as ActorVictims;
    expect(body.actor.id).toBe('ransomhouse');
    expect(body.victims.some((v) => v.victim?.name?.includes('アスクル'))).toBe(true);
    const downstream = body.downstream.map((d) => d.node.name ?? '');
    for (const name of ['良品計画', 'ロフト']) expect(downstream.some((n) => n.includes(name)), `${name} is not downstream`).toBe(true);
  });

  it('follows OUTSOURCES_TO / SUBSIDIARY_OF / OPERATES chains from a victim in the right direction', async () => {
    for (const actor of ['qilin', 'akira', 'blacksuit', 'ransomhouse']) {
      const body = (await server.get(`/api/actors/${actor}/victims`)).body as ActorVictims;
      const edges = new Map(body.edges.map((e) => [e.id, e]));
      for (const route of body.downstream.flatMap((d) => d.routes).filter((r) => r.via === 'SUPPLY_CHAIN')) {
        // Walking from the victim, each hop goes to whoever depends on the previous node.
        for (let i = 1; i < route.edges.length; i += 1) {
          const edge = edges.get(route.edges[i]!)!;
          const from = route.nodes[i]!;
          const expected = edge.type === 'OPERATES' ? edge.sourceKey : edge.targetKey;
          expect(from, `${edge.id} walked the wrong way`).toBe(expected);
        }
      }
    }
  });

  it('answers 404 for an unknown actor and 400 for a bad id', async () => {
    const missing = await server.get('/api/actors/no-such-group/victims');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'KG_NOT_FOUND' } });
    // An organization is not a threat actor.
    expect((await server.get(`/api/actors/${encodeURIComponent('アスクル')}/victims`)).status).toBe(404);
    expect((await server.get(`/api/actors/${'q'.repeat(250)}/victims`)).status).toBe(400);
    expect((await server.get(`/api/actors/${encodeURIComponent("' OR 1=1 //")}/victims`)).status).toBe(404);
  });
});
