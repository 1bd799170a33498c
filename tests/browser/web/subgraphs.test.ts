import { describe, expect, it } from 'vitest';
import type { ActorVictims, EvidenceItem, GraphExport, IncidentList } from '../../../web/src/api-types.ts';
import { fromActorVictims, fromExport, fromIncidentList } from '../../../web/src/subgraphs.ts';

/** Pure: runs in node, no browser. API answers shaped as the server's schemas give them. */

const evidence: EvidenceItem = {
  docId: 'doc:27efec1d908ee9bf',
  title: 'アスクルへのランサム攻撃、「RansomHouse」が犯行声明',
  publishedAt: '2025-10-31',
  chunkId: 'doc:27efec1d908ee9bf#c1',
  sentence: 'アスクルの子会社であるASKUL LOGIST(アスクルロジスト)が、他社の通販サイトの物流業務も請け負っているためだ。',
  sentenceStart: 500,
  start: 511,
  end: 523,
  extractor: 'subsidiary',
  confidence: 0.8,
};

describe('subgraphs', () => {
  it('turns incidents by access vector into incident, victim and vector nodes with graph-style edge ids', () => {
    const list: IncidentList = {
      total: 1,
      limit: 200,
      offset: 0,
      resolvedFilters: { accessVector: ['contractor-account'] },
      items: [
        {
          id: 'inc:8eeed3988f55',
          name: 'アスクル株式会社 2025-10-30',
          title: null,
          summary: null,
          discoveredAt: '2025-10-19',
          startedAt: null,
          anchorDate: '2025-10-19',
          reportCount: 3,
          contractorInvolved: true,
          victim: { type: 'VICTIM', target: { id: 'org:アスクル', label: 'Organization', name: 'アスクル株式会社' }, evidence: [evidence] },
          actors: [],
          malware: [],
          accessVectors: [{ type: 'INITIAL_ACCESS_VIA', target: { id: 'contractor-account', label: 'AccessVector', name: 'Contractor account', nameJa: '委託先アカウント' }, evidence: [evidence] }],
          techniques: [],
          lackedControls: [],
          remediations: [],
          impacted: [],
        },
      ],
    };
    const sub = fromIncidentList(list);
    expect(sub.nodes.map((n) => n.key)).toEqual(['Incident:inc:8eeed3988f55', 'Organization:org:アスクル', 'AccessVector:contractor-account']);
    expect(sub.nodes[2]!.nameJa).toBe('委託先アカウント');
    expect(sub.edges.map((e) => e.id)).toEqual([
      'Incident:inc:8eeed3988f55|VICTIM|Organization:org:アスクル',
      'Incident:inc:8eeed3988f55|INITIAL_ACCESS_VIA|AccessVector:contractor-account',
    ]);
    expect(sub.edges[0]!.evidence).toEqual([evidence]);
  });

  it("turns an actor's victims into actor, incidents, victims and downstream routes, naming route nodes listed nowhere else", () => {
    const answer: ActorVictims = {
      actor: { id: 'qilin', label: 'ThreatActor', name: 'Qilin', nameJa: 'キリン', aliases: ['Qilin', 'キリン', 'Agenda'] },
      victims: [
        {
          incident: { id: 'inc:a', name: 'アスクル株式会社 2025-10-30', title: null, discoveredAt: null, anchorDate: null },
          victim: { id: 'org:アスクル', label: 'Organization', name: 'アスクル株式会社' },
          victimEvidence: [evidence],
          attribution: [{ type: 'ATTRIBUTED_TO', target: { id: 'qilin', label: 'ThreatActor', name: 'Qilin' }, evidence: [evidence] }],
          impacted: [],
        },
      ],
      downstream: [
        {
          node: { id: 'org:良品計画', label: 'Organization', name: '株式会社良品計画', key: 'Organization:org:良品計画' },
          incidents: ['inc:a'],
          routes: [{ incidentId: 'inc:a', via: 'SUPPLY_CHAIN', nodes: [], edges: [] }],
        },
      ],
      edges: [
        { id: 'Organization:org:ASKULLOGIST|SUBSIDIARY_OF|Organization:org:アスクル', type: 'SUBSIDIARY_OF', source: 'org:ASKULLOGIST', target: 'org:アスクル', sourceKey: 'Organization:org:ASKULLOGIST', targetKey: 'Organization:org:アスクル', evidence: [evidence] },
        { id: 'Organization:org:良品計画|OUTSOURCES_TO|Organization:org:ASKULLOGIST', type: 'OUTSOURCES_TO', source: 'org:良品計画', target: 'org:ASKULLOGIST', sourceKey: 'Organization:org:良品計画', targetKey: 'Organization:org:ASKULLOGIST', evidence: [evidence] },
      ],
    };
    const sub = fromActorVictims(answer);
    const keys = new Set(sub.nodes.map((n) => n.key));
    for (const key of ['ThreatActor:qilin', 'Incident:inc:a', 'Organization:org:アスクル', 'Organization:org:良品計画', 'Organization:org:ASKULLOGIST']) expect(keys).toContain(key);
    expect(sub.nodes.find((n) => n.key === 'ThreatActor:qilin')!.nameJa).toBe('キリン');
    expect(sub.edges.map((e) => e.id)).toEqual([
      'Incident:inc:a|VICTIM|Organization:org:アスクル',
      'Incident:inc:a|ATTRIBUTED_TO|ThreatActor:qilin',
      'Organization:org:ASKULLOGIST|SUBSIDIARY_OF|Organization:org:アスクル',
      'Organization:org:良品計画|OUTSOURCES_TO|Organization:org:ASKULLOGIST',
    ]);
  });

  it('adds documents and what they report to an export', () => {
    const answer: GraphExport = {
      scope: { kind: 'graph', id: null, depth: null },
      nodes: [{ id: 'mfa', label: 'Control', name: 'Multi-factor authentication', key: 'Control:mfa', properties: { nameJa: '多要素認証' } }, { id: 'inc:a', label: 'Incident', name: 'x', key: 'Incident:inc:a', properties: {} }],
      edges: [],
      documents: [{ id: 'doc:1', title: '第13報', publishedAt: null, url: null, reportNumber: 13, publisher: null, source: null, incidents: ['inc:a', 'inc:elsewhere'] }],
      truncated: false,
    };
    const sub = fromExport(answer);
    expect(sub.nodes.map((n) => [n.key, n.nameJa])).toEqual([['Control:mfa', '多要素認証'], ['Incident:inc:a', null], ['Document:doc:1', null]]);
    expect(sub.edges.map((e) => e.id)).toEqual(['Document:doc:1|REPORTS|Incident:inc:a']);
  });
});
