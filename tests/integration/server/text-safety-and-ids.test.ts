import { describe, expect, it } from 'vitest';
import { stixId } from '../../../server/export/stix.ts';
import { uuidV5 } from '../../../server/export/uuid-v5.ts';
import { calledNames, screenCypher } from '../../../server/queries/cypher.ts';
import { escapeLucene, luceneTerms } from '../../../server/queries/lucene.ts';

// Pure helpers the routes rely on; no server, no Neo4j.

describe('escapeLucene', () => {
  it.each([
    ['*:*', '\\*\\:\\*'],
    ['"', '\\"'],
    ['a OR b', 'a or b'],
    ['(x) [y] {z} ^~?!+-&|/\\', '\\(x\\) \\[y\\] \\{z\\} \\^\\~\\?\\!\\+\\-\\&\\|\\/\\\\'],
    ['委託先アカウント', '委託先アカウント'],
  ])('%s → %s', (input, expected) => {
    expect(escapeLucene(input)).toBe(expected);
  });

  it('splits on ASCII and ideographic spaces and drops empty terms', () => {
    expect(luceneTerms('  委託先\u3000アカウント  NOT ')).toBe('委託先 アカウント not');
    expect(luceneTerms('   ')).toBe('');
  });
});

describe('screenCypher', () => {
  it.each([
    "LOAD CSV FROM 'file:///x' AS l RETURN l",
    'MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS',
    'MATCH (n) CALL (n) { SET n.x = 1 } IN 10 CONCURRENT TRANSACTIONS OF 5 ROWS',
    'USE system SHOW USERS',
    'EXPLAIN MATCH (n) RETURN n',
  ])('refuses %s before it reaches Neo4j', (query) => {
    expect(screenCypher(query)).not.toBeNull();
  });

  it('lets ordinary reads through and names called procedures', () => {
    expect(screenCypher('MATCH (n:Incident) RETURN n.id LIMIT 5')).toBeNull();
    expect(calledNames('CALL db.labels() YIELD label RETURN label')).toEqual(['db.labels']);
  });
});

describe('deterministic STIX ids', () => {
  it('computes RFC 4122 version-5 UUIDs', () => {
    // The RFC's DNS namespace example, as Python's uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com').
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives the same id for the same object and different ids for different ones', () => {
    expect(stixId('threat-actor', 'ThreatActor:qilin')).toBe(stixId('threat-actor', 'ThreatActor:qilin'));
    expect(stixId('malware', 'Malware:qilin')).not.toBe(stixId('threat-actor', 'ThreatActor:qilin'));
    expect(stixId('identity', 'Organization:org:x')).toMatch(/^identity--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
