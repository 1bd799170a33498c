import type { Driver } from 'neo4j-driver';
import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX } from '../../../graph-schema/indexes.ts';
import { ALL_LABELS, Label, MENTIONABLE, MENTIONABLE_LABELS, primaryLabel } from '../../../graph-schema/labels.ts';
import { migrate } from '../../../graph-schema/migrate.ts';
import { connectTestGraph, resetTestGraph, testConfig } from '../../support/neo4j-fixture.ts';

const config = testConfig();
let driver: Driver;

beforeAll(async () => {
  driver = await connectTestGraph(config);
  await resetTestGraph(driver, config);
});
afterAll(async () => {
  await driver?.close();
});

describe('a real round trip over Bolt', () => {
  it('writes, reads back, and rejects a duplicate id', async () => {
    await driver.executeQuery(`CREATE (:${Label.Organization} {id: 'org:roundtrip', name: '株式会社往復'})`, {}, { database: config.neo4j.database });
    const read = await driver.executeQuery(`MATCH (o:${Label.Organization} {id: 'org:roundtrip'}) RETURN o.name AS name`, {}, { database: config.neo4j.database });
    expect(read.records[0]!.get('name')).toBe('株式会社往復');
    const duplicate = driver.executeQuery(`CREATE (:${Label.Organization} {id: 'org:roundtrip', name: '別会社'})`, {}, { database: config.neo4j.database });
    await expect(duplicate).rejects.toSatisfy((error: unknown) => error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed');
  });
});

describe('db:migrate', () => {
  it('creates a uniqueness constraint for every label, the full-text and vector indexes, and the vocabularies', async () => {
    const constraints = await driver.executeQuery('SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes[0] AS label, properties, type', {}, { database: config.neo4j.database });
    const unique = constraints.records.filter((r) => r.get('type') === 'UNIQUENESS' && (r.get('properties') as string[]).join() === 'id').map((r) => r.get('label'));
    expect(unique.sort()).toEqual([...ALL_LABELS].sort());
    const indexes = await driver.executeQuery('SHOW INDEXES YIELD name, type, state, options RETURN name, type, state, options', {}, { database: config.neo4j.database });
    const byName = new Map(indexes.records.map((r) => [r.get('name') as string, r.toObject()]));
    expect(byName.get(INDEX.chunkVector)).toMatchObject({ type: 'VECTOR', state: 'ONLINE' });
    expect(byName.get(INDEX.chunkVector)!.options.indexConfig['vector.dimensions']).toBe(config.embedding.dimensions);
    expect(byName.get(INDEX.chunkFulltextCjk)).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE' });
    expect(byName.get(INDEX.entityNames)).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE' });
    const qilin = await driver.executeQuery(`MATCH (a:${Label.ThreatActor} {id: 'qilin'}) RETURN a.aliases AS aliases`, {}, { database: config.neo4j.database });
    expect(qilin.records[0]!.get('aliases')).toEqual(expect.arrayContaining(['Qilin', 'キリン', 'Agenda']));
    const technique = await driver.executeQuery(`MATCH (t:${Label.Technique} {id: 'data-encrypted-for-impact'}) RETURN t.attackId AS id`, {}, { database: config.neo4j.database });
    expect(technique.records[0]!.get('id')).toBe('T1486');
  });

  it('rebuilds an index whose options differ from graph-schema (an older version\'s index)', async () => {
    const db = { database: config.neo4j.database };
    await driver.executeQuery(`DROP INDEX ${INDEX.chunkFulltextCjk}`, {}, db);
    await driver.executeQuery(`CREATE FULLTEXT INDEX ${INDEX.chunkFulltextCjk} FOR (c:${Label.Chunk}) ON EACH [c.text] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard'}}`, {}, db);
    const result = await migrate(driver, { database: config.neo4j.database, embeddingDimensions: config.embedding.dimensions });
    expect(result.schemaChanges).toBe(2); // dropped and created again
    const index = await driver.executeQuery('SHOW INDEXES YIELD name, state, options WHERE name = $name RETURN state, options.indexConfig AS config', { name: INDEX.chunkFulltextCjk }, db);
    expect(index.records[0]!.get('state')).toBe('ONLINE');
    expect(index.records[0]!.get('config')).toMatchObject({ 'fulltext.analyzer': 'cjk', 'fulltext.eventually_consistent': true });
  });

  it(`gives every mentionable node of an older version the ${MENTIONABLE} label, and leaves its type alone`, async () => {
    const db = { database: config.neo4j.database };
    await driver.executeQuery(`CREATE (:${Label.Organization} {id: 'org:older-version', name: '旧版株式会社'}), (:${Label.Chunk} {id: 'doc:x#c0', text: '本文'})`, {}, db);
    await driver.executeQuery(`MATCH (n:${Label.ThreatActor} {id: 'qilin'}) REMOVE n:${MENTIONABLE}`, {}, db);
    const result = await migrate(driver, { database: config.neo4j.database, embeddingDimensions: config.embedding.dimensions });
    expect(result.labelsAdded).toBe(2);
    const unlabelled = await driver.executeQuery(
      `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $mentionable) AND NOT n:${MENTIONABLE} RETURN count(n) AS n`,
      { mentionable: MENTIONABLE_LABELS },
      db,
    );
    expect(unlabelled.records[0]!.get('n')).toBe(0);
    const org = await driver.executeQuery(`MATCH (n:${MENTIONABLE} {id: 'org:older-version'}) RETURN ${primaryLabel('n')} AS type`, {}, db);
    expect(org.records.map((r) => r.get('type'))).toEqual([Label.Organization]);
    const chunk = await driver.executeQuery(`MATCH (c:${Label.Chunk} {id: 'doc:x#c0'}) RETURN c:${MENTIONABLE} AS labelled`, {}, db);
    expect(chunk.records[0]!.get('labelled')).toBe(false);
    await driver.executeQuery(`MATCH (n) WHERE n.id IN ['org:older-version', 'doc:x#c0'] DELETE n`, {}, db);
  });

  it('changes nothing when run twice', async () => {
    const again = await migrate(driver, { database: config.neo4j.database, embeddingDimensions: config.embedding.dimensions });
    expect(again).toEqual({ schemaChanges: 0, nodesCreated: 0, propertiesSet: 0, labelsAdded: 0, searchFieldsPublished: 0 });
  });
});
