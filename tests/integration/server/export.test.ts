import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STIX_SCHEMA_DIR } from '../../../scripts/stix-schema-dir.ts';
import type { IncidentList } from '../../../server/routes/api/incidents/schemas.ts';
import { GraphExport, type StixBundle } from '../../../server/routes/api/export/schemas.ts';
import { expectEvidence } from './support/evidence-assertions.ts';
import { qs, seedTestGraph, startTestServer, type TestServer } from './support/server-fixture.ts';

/**
 * The official OASIS STIX 2.1 JSON schemas, as shipped in the stix2-validator 3.1.4 wheel on
 * PyPI and put in .cache by `npm run stix:fetch` (run by .ci/run); never committed.
 */
const SCHEMA_DIR = STIX_SCHEMA_DIR;
if (!fs.existsSync(SCHEMA_DIR)) throw new Error(`STIX 2.1 schemas missing in ${SCHEMA_DIR}: run \`npm run stix:fetch\``);

function stixValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(SCHEMA_DIR).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { $schema?: string };
    // These releases name the draft 2020-12 meta-schema as http://…/schema#; Ajv knows it as https://…/schema.
    if (schema.$schema) schema.$schema = schema.$schema.replace(/^http:/, 'https:').replace(/#$/, '');
    ajv.addSchema(schema);
  }
  const byType = (folder: string, type: string) => ajv.getSchema(`http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/${folder}/${type}.json`);
  return { ajv, bundle: byType('common', 'bundle')!, object: (type: string) => byType(type === 'relationship' ? 'sros' : 'sdos', type) };
}

describe('GET /api/export', () => {
  let server: TestServer;
  let askulId: string;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer();
    const list = (await server.get(`/api/incidents${qs({ accessVector: 'contractor-account' })}`)).body as IncidentList;
    askulId = list.items.find((i) => i.victim?.target.name?.includes('アスクル'))!.id;
  });
  afterAll(async () => server?.close());

  it('exports the whole graph as JSON: nodes, folded edges with evidence, and the documents behind them', async () => {
    const res = await server.get('/api/export');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.schemaMatching(GraphExport));
    const data = res.body as GraphExport;
    expect(data.scope.kind).toBe('graph');
    expect(data.nodes.some((n) => n.label === 'Incident')).toBe(true);
    expect(data.nodes.every((n) => n.label !== 'Chunk' && n.label !== 'Document')).toBe(true);
    expect(data.edges.length).toBeGreaterThan(10);
    for (const edge of data.edges) expectEvidence(edge.evidence);
    const docs = new Set(data.documents.map((d) => d.id));
    for (const edge of data.edges) for (const e of edge.evidence) expect(docs.has(e.docId)).toBe(true);
  });

  it('exports one incident or one neighbourhood', async () => {
    const one = (await server.get(`/api/export${qs({ incident: askulId })}`)).body as GraphExport;
    expect(one.scope).toMatchObject({ kind: 'incident', id: askulId });
    expect(one.nodes[0]!.id).toBe(askulId);
    const around = (await server.get(`/api/export${qs({ entity: 'キリン', depth: 2 })}`)).body as GraphExport;
    expect(around.scope).toMatchObject({ kind: 'entity', id: 'qilin', depth: 2 });
    expect((await server.get(`/api/export${qs({ incident: 'inc:none' })}`)).status).toBe(404);
    expect((await server.get(`/api/export${qs({ incident: askulId, entity: 'qilin' })}`)).status).toBe(400);
    expect((await server.get(`/api/export${qs({ format: 'xml' })}`)).status).toBe(400);
    expect((await server.get(`/api/export${qs({ entity: 'qilin', depth: 9 })}`)).status).toBe(400);
  });

  it('exports a STIX 2.1 bundle that the official OASIS schemas accept', async () => {
    const validator = stixValidator();
    for (const query of [qs({ format: 'stix' }), qs({ format: 'stix', incident: askulId }), qs({ format: 'stix', entity: 'qilin', depth: 2 })]) {
      const res = await server.get(`/api/export${query}`);
      expect(res.status).toBe(200);
      const bundle = res.body as StixBundle & { objects: Record<string, unknown>[] };
      // The OASIS bundle.json omits `incident` (a STIX 2.1 SDO) from its list, and its custom-object
      // branch matches both core.json and cyber-observable-core.json, so no incident can pass it:
      // the envelope is checked without incidents, and every object (incidents too) against its own schema.
      const envelope = { ...bundle, objects: bundle.objects.filter((o) => o.type !== 'incident') };
      const ok = validator.bundle(envelope);
      expect(ok, JSON.stringify(validator.bundle.errors?.slice(0, 5), null, 1)).toBe(true);
      for (const object of bundle.objects) {
        const validate = validator.object(object.type as string);
        expect(validate, `no schema for ${String(object.type)}`).toBeDefined();
        expect(validate!(object), `${String(object.id)}: ${JSON.stringify(validate!.errors?.slice(0, 3))}`).toBe(true);
      }
    }
  });

  it('maps the graph onto STIX objects and relationships with deterministic ids', async () => {
    const first = (await server.get(`/api/export${qs({ format: 'stix', incident: askulId })}`)).body as { id: string; objects: Record<string, unknown>[] };
    const second = (await server.get(`/api/export${qs({ format: 'stix', incident: askulId })}`)).body as { id: string; objects: Record<string, unknown>[] };
    expect(second).toEqual(first);
    const types = new Set(first.objects.map((o) => o.type));
    for (const type of ['identity', 'incident', 'attack-pattern', 'report', 'relationship']) expect(types).toContain(type);
    for (const o of first.objects) expect(o.id).toMatch(/^[a-z-]+--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ids = new Set(first.objects.map((o) => o.id));
    for (const rel of first.objects.filter((o) => o.type === 'relationship')) {
      expect(ids.has(rel.source_ref)).toBe(true);
      expect(ids.has(rel.target_ref)).toBe(true);
    }
    for (const report of first.objects.filter((o) => o.type === 'report')) {
      for (const ref of report.object_refs as string[]) expect(ids.has(ref)).toBe(true);
    }
    const relationshipTypes = new Set(first.objects.filter((o) => o.type === 'relationship').map((o) => o.relationship_type));
    expect(relationshipTypes).toContain('targets');
    expect(relationshipTypes).toContain('uses');
    const patterns = first.objects.filter((o) => o.type === 'attack-pattern' && Array.isArray(o.external_references));
    expect(patterns.some((p) => (p.external_references as { source_name: string; external_id: string }[]).some((r) => r.source_name === 'mitre-attack' && /^T\d{4}/.test(r.external_id)))).toBe(true);
    const qilin = (await server.get(`/api/export${qs({ format: 'stix', entity: 'qilin' })}`)).body as { objects: Record<string, unknown>[] };
    const qilinTypes = new Set(qilin.objects.map((o) => o.type));
    expect(qilinTypes).toContain('threat-actor');
    expect(qilin.objects.some((o) => o.type === 'relationship' && o.relationship_type === 'attributed-to')).toBe(true);
  });
});
