import { describe, expect, it } from 'vitest';
import { filterPredicate, hasFilters } from '../../../../server/search/search-filters.ts';
import { SearchFilters } from '../../../../server/search/search-options.ts';

describe('filterPredicate', () => {
  it('is true with no filters', () => {
    expect(filterPredicate({})).toEqual({ predicate: 'true', params: {} });
    expect(hasFilters({})).toBe(false);
  });

  it('passes user values as parameters, never as text', () => {
    const { predicate, params } = filterPredicate({ types: ['ThreatActor'], orgIds: ["org:x' OR 1=1"], from: '2025-01', to: '2025-03-31' });
    expect(predicate).not.toContain('ThreatActor');
    expect(predicate).not.toContain('org:x');
    expect(predicate).not.toContain('2025');
    expect(params).toEqual({ types: ['ThreatActor'], reportsIncident: false, orgIds: ["org:x' OR 1=1"], from: '2025-01', to: '2025-03-31' });
  });

  it('joins the filters with AND', () => {
    const { predicate } = filterPredicate({ types: ['Control'], orgIds: ['org:a'], from: '2025' });
    expect(predicate.split('\n  AND ')).toHaveLength(3);
    expect(predicate).toContain('$types');
    expect(predicate).toContain('$orgIds');
    expect(predicate).toContain('d.publishedAt');
    expect(predicate).toContain('i.discoveredAt');
  });

  it('lets Incident as a type mean "reports an incident"', () => {
    expect(filterPredicate({ types: ['Incident'] }).params.reportsIncident).toBe(true);
  });

  it('sends a missing bound as null', () => {
    expect(filterPredicate({ to: '2025-06' }).params).toEqual({ from: null, to: '2025-06' });
  });
});

describe('SearchFilters', () => {
  it('accepts entity labels, date prefixes and an organization', () => {
    expect(SearchFilters.parse({ types: ['Organization', 'Control'], org: ' アスクル ', from: '2025', to: '2025-10-31' })).toEqual({
      types: ['Organization', 'Control'],
      org: 'アスクル',
      from: '2025',
      to: '2025-10-31',
    });
  });

  it('rejects unknown labels, bad dates and a range that ends before it starts', () => {
    expect(SearchFilters.safeParse({ types: ['Chunk'] }).success).toBe(false);
    expect(SearchFilters.safeParse({ from: '2025/01/01' }).success).toBe(false);
    expect(SearchFilters.safeParse({ from: '2025-05-01', to: '2025-04' }).success).toBe(false);
    expect(SearchFilters.safeParse({ from: '2025-04-10', to: '2025-04' }).success).toBe(true);
  });
});
