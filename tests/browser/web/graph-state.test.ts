import { describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../../../web/src/api-types.ts';
import {
  applyStep,
  canUndo,
  countTypes,
  currentHighlight,
  displayName,
  emptyGraph,
  hasOp,
  parseNodeKey,
  undo,
  visibleElements,
  type GraphEdgeData,
  type GraphNodeData,
  type GraphOp,
} from '../../../web/src/graph-state.ts';

/** Pure: runs in node, no browser (it lives beside the browser tests of the same source tree). */

const evidence: EvidenceItem = {
  docId: 'doc:86cf751372ec749e',
  title: 'ランサムウェア攻撃に関する調査結果と再発防止策について(システム障害関連・第13報)',
  publishedAt: '2025-12-12',
  chunkId: 'doc:86cf751372ec749e#c2',
  sentence: '当該アカウントには、例外的にMFA(多要素認証)を適用していなかったことが確認されています。',
  sentenceStart: 939,
  start: 953,
  end: 956,
  extractor: 'control-negation',
  confidence: 0.9,
};

const node = (label: string, id: string, name: string | null = id, nameJa: string | null = null): GraphNodeData => ({ key: `${label}:${id}`, id, label, name, nameJa });
const edge = (source: GraphNodeData, type: string, target: GraphNodeData, ev: EvidenceItem[] = [evidence]): GraphEdgeData => ({
  id: `${source.key}|${type}|${target.key}`,
  type,
  source: source.key,
  target: target.key,
  evidence: ev,
});

const askul = node('Organization', 'org:アスクル', 'アスクル株式会社');
const incident = node('Incident', 'inc:8eeed3988f55', 'アスクル株式会社 2025-10-30');
const contractor = node('AccessVector', 'contractor-account', 'Contractor account', '委託先アカウント');
const mfa = node('Control', 'mfa', 'Multi-factor authentication', '多要素認証');
const event = node('Event', 'evt:d7dccc2da5bd', '10月19日午前:ランサムウェアによる攻撃を検知。');

const preset: GraphOp = { kind: 'preset', preset: { kind: 'accessVector', id: 'contractor-account' } };
const expand: GraphOp = { kind: 'expand', key: incident.key };

describe('graph-state', () => {
  it('adds a step and records exactly what was new', () => {
    const one = applyStep(emptyGraph(), preset, { nodes: [incident, askul, contractor], edges: [edge(incident, 'VICTIM', askul), edge(incident, 'INITIAL_ACCESS_VIA', contractor)] });
    expect([...one.nodes.keys()]).toEqual([incident.key, askul.key, contractor.key]);
    const two = applyStep(one, expand, { nodes: [incident, askul, mfa, event], edges: [edge(incident, 'VICTIM', askul), edge(incident, 'LACKED_CONTROL', mfa), edge(incident, 'HAS_EVENT', event)] });
    expect(two.steps[1]).toMatchObject({ addedNodes: [mfa.key, event.key], addedEdges: [`${incident.key}|LACKED_CONTROL|${mfa.key}`, `${incident.key}|HAS_EVENT|${event.key}`] });
    expect(hasOp(two, expand)).toBe(true);
    expect(hasOp(two, { kind: 'expand', key: askul.key })).toBe(false);
  });

  it('undo takes back the last step only, then the one before, down to empty', () => {
    const one = applyStep(emptyGraph(), preset, { nodes: [incident, askul], edges: [edge(incident, 'VICTIM', askul)] });
    const two = applyStep(one, expand, { nodes: [incident, mfa], edges: [edge(incident, 'LACKED_CONTROL', mfa)] });
    const back = undo(two);
    expect([...back.nodes.keys()]).toEqual([...one.nodes.keys()]);
    expect([...back.edges.keys()]).toEqual([...one.edges.keys()]);
    expect(back.steps).toHaveLength(1);
    const empty = undo(back);
    expect(empty.nodes.size).toBe(0);
    expect(canUndo(empty)).toBe(false);
    expect(undo(empty)).toBe(empty);
  });

  it('drops edges whose ends are missing and fills in a Japanese name learnt later', () => {
    const bare = { ...contractor, nameJa: null };
    const one = applyStep(emptyGraph(), preset, { nodes: [incident, bare], edges: [edge(incident, 'INITIAL_ACCESS_VIA', bare), edge(incident, 'VICTIM', askul)] });
    expect([...one.edges.keys()]).toEqual([`${incident.key}|INITIAL_ACCESS_VIA|${contractor.key}`]);
    const two = applyStep(one, expand, { nodes: [contractor], edges: [] });
    expect(displayName(two.nodes.get(contractor.key)!)).toBe('委託先アカウント');
    expect(two.steps[1]!.addedNodes).toEqual([]);
  });

  it('filters by label and relationship type; an edge shows only when both ends do', () => {
    const state = applyStep(emptyGraph(), expand, {
      nodes: [incident, askul, mfa, event],
      edges: [edge(incident, 'VICTIM', askul), edge(incident, 'LACKED_CONTROL', mfa), edge(incident, 'HAS_EVENT', event)],
    });
    const visible = visibleElements(state, { hiddenLabels: new Set(['Event']), hiddenRels: new Set(['LACKED_CONTROL']) });
    expect([...visible.nodes].sort()).toEqual([askul.key, incident.key, mfa.key].sort());
    expect([...visible.edges]).toEqual([`${incident.key}|VICTIM|${askul.key}`]);
    expect(countTypes(state).labels.get('Event')).toBe(1);
  });

  it('keeps the latest path emphasis until its step is undone', () => {
    const one = applyStep(emptyGraph(), { kind: 'path', from: 'org:アスクル', to: 'mfa' }, {
      nodes: [askul, incident, mfa],
      edges: [edge(incident, 'VICTIM', askul), edge(incident, 'LACKED_CONTROL', mfa)],
      highlight: { nodes: [askul.key, incident.key, mfa.key, 'Control:missing'], edges: [`${incident.key}|LACKED_CONTROL|${mfa.key}`] },
    });
    const two = applyStep(one, expand, { nodes: [event], edges: [] });
    expect(currentHighlight(two)?.nodes).toEqual([askul.key, incident.key, mfa.key]);
    expect(currentHighlight(undo(undo(two)))).toBeNull();
  });

  it('names actors by their Latin name with the Japanese one, other vocabulary in Japanese', () => {
    expect(displayName(node('ThreatActor', 'qilin', 'Qilin', 'キリン'))).toBe('Qilin（キリン）');
    expect(displayName(mfa)).toBe('多要素認証');
    expect(displayName(node('Organization', 'org:x', null))).toBe('org:x');
    expect(parseNodeKey('Organization:org:アスクル')).toEqual({ label: 'Organization', id: 'org:アスクル' });
    expect(parseNodeKey('nolabel')).toBeNull();
  });
});
