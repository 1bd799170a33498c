import { Label } from '../../../graph-schema/labels.ts';
import { Rel } from '../../../graph-schema/relationships.ts';
import type { ApiClient } from '../api-client.ts';
import type { EntityDetail, IncidentDetail } from '../api-types.ts';
import { h, replaceChildren, safeExternalUrl } from '../create-element.ts';
import { displayName, edgesOf, type GraphEdgeData, type GraphNodeData, type GraphState } from '../graph-state.ts';
import { breachStatusJa, labelJa, relJa } from '../ja-text.ts';
import type { Selection } from '../url-state.ts';
import { documentLink, evidenceList, type DocumentLinks } from './evidence-list.ts';
import { labelSwatch } from './legend-swatch.ts';
import type { StatusPanel } from './status-panel.ts';
import { timelineView } from './timeline-view.ts';

export interface DetailsActions extends DocumentLinks {
  expand(key: string): void;
  select(selection: Selection): void;
  setPathEndpoint(which: 'from' | 'to', id: string, name: string): void;
}

/** Properties not worth a row (shown elsewhere, or internal). */
const HIDDEN_PROPERTIES = new Set(['id', 'name', 'nameJa', 'aliases', 'text', 'sha256', 'ingestedAt', 'vocabulary', 'embedding', 'summary']);
/** Edge groups open at first in a node's evidence list. */
const OPEN_GROUPS = 3;

/**
 * The selected element. A node: what it is, its actions (expand, path ends), its properties
 * and relationship counts from the API, the evidence of every edge it has on screen, and for
 * an incident its dated timeline and sources. An edge: its ends and its evidence sentences.
 */
export function createDetailsPanel(root: HTMLElement, api: ApiClient, status: StatusPanel, actions: DetailsActions) {
  let token = 0;
  let controller: AbortController | null = null;

  function show(selection: Selection | null, state: GraphState): void {
    token += 1;
    controller?.abort();
    controller = null;
    if (!selection) {
      replaceChildren(root, h('p', { class: 'muted placeholder' }, 'ノードまたはエッジをクリックすると、根拠となる文と出典がここに表示されます。ノードをダブルクリックすると近傍を展開します。'));
      return;
    }
    if (selection.kind === 'edge') {
      const edge = state.edges.get(selection.id);
      if (!edge) return show(null, state);
      replaceChildren(root, edgeDetails(edge, state));
      return;
    }
    const node = state.nodes.get(selection.key);
    if (!node) return show(null, state);
    controller = new AbortController();
    const extra = h('div', { class: 'entity-extra' }, h('p', { class: 'muted loading-text' }, '詳細を読み込み中…'));
    const incident = node.label === Label.Incident ? h('div', { class: 'incident-extra' }, h('p', { class: 'muted loading-text' }, '時系列を読み込み中…')) : null;
    replaceChildren(root, nodeHeader(node), incident, extra, nodeEvidence(node, state));
    const mine = token;
    const signal = controller.signal;
    status
      .track(api.entity(node.id, signal), '詳細')
      .then((detail) => {
        if (mine === token) replaceChildren(extra, entityFacts(node, detail));
      })
      .catch((error: unknown) => {
        if (mine === token) replaceChildren(extra, h('p', { class: 'error-inline' }, `詳細を取得できませんでした: ${(error as Error).message}`));
      });
    if (incident) {
      status
        .track(api.incident(node.id, signal), '事案の時系列')
        .then((detail) => {
          if (mine === token) replaceChildren(incident, incidentFacts(detail));
        })
        .catch((error: unknown) => {
          if (mine === token) replaceChildren(incident, h('p', { class: 'error-inline' }, `時系列を取得できませんでした: ${(error as Error).message}`));
        });
    }
  }

  function nodeHeader(node: GraphNodeData): HTMLElement {
    const name = displayName(node);
    return h(
      'header',
      { class: 'details-header', data: { testid: 'details-node', key: node.key } },
      h('div', { class: 'details-kind' }, labelSwatch(node.label), labelJa(node.label)),
      h('h3', { class: 'details-title' }, name),
      node.name && node.nameJa && node.name !== node.nameJa ? h('p', { class: 'muted' }, node.name) : null,
      h('p', { class: 'details-id' }, h('code', {}, node.id)),
      h(
        'div',
        { class: 'button-row' },
        h('button', { class: 'primary', attrs: { type: 'button' }, data: { testid: 'expand-button' }, onClick: () => actions.expand(node.key) }, '近傍を展開'),
        h('button', { attrs: { type: 'button' }, onClick: () => actions.setPathEndpoint('from', node.id, name) }, '経路の始点に'),
        h('button', { attrs: { type: 'button' }, onClick: () => actions.setPathEndpoint('to', node.id, name) }, '経路の終点に'),
        node.label === Label.Document
          ? h('button', { attrs: { type: 'button' }, onClick: () => actions.openDocument({ id: node.id, start: null, end: null }) }, '文書を読む')
          : null,
      ),
    );
  }

  function entityFacts(node: GraphNodeData, detail: EntityDetail): HTMLElement {
    const aliases = Array.isArray(detail.properties.aliases) ? detail.properties.aliases.filter((a): a is string => typeof a === 'string') : [];
    const rows = Object.entries(detail.properties)
      .filter(([key, value]) => !HIDDEN_PROPERTIES.has(key) && value !== null && value !== '' && (typeof value !== 'object' || Array.isArray(value)))
      .sort(([a], [b]) => a.localeCompare(b));
    const url = safeExternalUrl(detail.properties.url);
    return h(
      'section',
      { class: 'details-section' },
      detail.label !== node.label
        ? h('p', { class: 'warning' }, `この ID は ${labelJa(detail.label)} としても使われており、API は ${labelJa(detail.label)} の情報を返しました。`)
        : null,
      aliases.length > 0 ? h('p', { class: 'aliases' }, '別名: ', aliases.join('、')) : null,
      typeof detail.properties.summary === 'string' ? h('p', { class: 'summary' }, detail.properties.summary) : null,
      url ? h('p', {}, h('a', { attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, '元の記事を開く ↗')) : null,
      rows.length > 0
        ? h(
            'dl',
            { class: 'properties' },
            rows.flatMap(([key, value]) => [h('dt', {}, key), h('dd', {}, Array.isArray(value) ? value.map(String).join('、') : String(value))]),
          )
        : null,
      detail.relationships.length > 0
        ? h(
            'details',
            { class: 'rel-counts' },
            h('summary', {}, 'グラフ全体での関係の数'),
            h(
              'ul',
              {},
              detail.relationships.map((r) => h('li', {}, `${relJa(r.type)}（${r.direction === 'out' ? '出' : '入'}）: ${r.count}`)),
            ),
          )
        : null,
    );
  }

  function incidentFacts(detail: IncidentDetail): HTMLElement {
    const dates = [
      detail.discoveredAt ? `発覚 ${detail.discoveredAt}` : null,
      detail.startedAt ? `侵入開始 ${detail.startedAt}` : null,
      detail.reportCount ? `報告 ${detail.reportCount} 件` : null,
    ].filter(Boolean);
    return h(
      'section',
      { class: 'details-section' },
      detail.title ? h('p', { class: 'incident-title' }, detail.title) : null,
      dates.length > 0 ? h('p', { class: 'muted' }, dates.join(' · ')) : null,
      detail.breach
        ? h('p', { class: 'breach' }, `情報流出: ${detail.breach.records !== null ? `${detail.breach.records.toLocaleString('ja-JP')} 件` : '件数不明'}${detail.breach.status ? `（${breachStatusJa(detail.breach.status)}）` : ''}`)
        : null,
      h('h4', {}, '時系列'),
      timelineView(detail, actions),
      detail.sources.length > 0
        ? h(
            'details',
            { class: 'sources' },
            h('summary', {}, `出典文書 ${detail.sources.length} 件`),
            h(
              'ul',
              {},
              detail.sources.map((s) => {
                const url = safeExternalUrl(s.url);
                return h(
                  'li',
                  {},
                  documentLink({ id: s.id, start: null, end: null }, s.title ?? s.id, actions),
                  s.publishedAt ? ` (${s.publishedAt})` : null,
                  url ? h('a', { class: 'external', attrs: { href: url, target: '_blank', rel: 'noopener noreferrer', title: '元の記事' } }, ' ↗') : null,
                );
              }),
            ),
          )
        : null,
    );
  }

  function nodeEvidence(node: GraphNodeData, state: GraphState): HTMLElement {
    const edges = edgesOf(state, node.key);
    if (edges.length === 0) return h('section', { class: 'details-section' }, h('p', { class: 'muted' }, '画面上の関係はありません。「近傍を展開」で隣接ノードを表示できます。'));
    return h(
      'section',
      { class: 'details-section', data: { testid: 'node-evidence' } },
      h('h4', {}, `画面上の関係と根拠（${edges.length}）`),
      edges.map((edge, index) => {
        const otherKey = edge.source === node.key ? edge.target : edge.source;
        const other = state.nodes.get(otherKey);
        const arrow = edge.source === node.key ? '→' : '←';
        return h(
          'details',
          { class: 'edge-group', attrs: { open: index < OPEN_GROUPS } },
          h(
            'summary',
            {},
            h('span', { class: 'badge' }, relJa(edge.type)),
            ` ${arrow} `,
            h('button', { class: 'link-button', attrs: { type: 'button' }, onClick: () => actions.select({ kind: 'edge', id: edge.id }) }, other ? displayName(other) : otherKey),
            h('span', { class: 'muted' }, ` 根拠 ${edge.evidence.length}`),
          ),
          evidenceList(edge.evidence, actions),
        );
      }),
    );
  }

  function edgeDetails(edge: GraphEdgeData, state: GraphState): HTMLElement {
    const source = state.nodes.get(edge.source);
    const target = state.nodes.get(edge.target);
    const end = (key: string, node: GraphNodeData | undefined) =>
      h(
        'button',
        { class: 'link-button node-ref', attrs: { type: 'button' }, onClick: () => actions.select({ kind: 'node', key }) },
        node ? labelSwatch(node.label) : null,
        node ? displayName(node) : key,
      );
    const reportDocument = edge.type === Rel.REPORTS && source?.label === Label.Document ? source : null;
    return h(
      'div',
      { data: { testid: 'evidence-panel', edge: edge.id } },
      h(
        'header',
        { class: 'details-header' },
        h('div', { class: 'details-kind' }, '関係'),
        h('h3', { class: 'details-title' }, relJa(edge.type)),
        h('div', { class: 'edge-ends' }, end(edge.source, source), h('div', { class: 'edge-arrow' }, `↓ ${relJa(edge.type)}`), end(edge.target, target)),
        h('p', { class: 'details-id' }, h('code', {}, edge.type)),
      ),
      h(
        'section',
        { class: 'details-section' },
        h('h4', {}, `根拠（${edge.evidence.length}）`),
        reportDocument && edge.evidence.length === 0
          ? h('p', {}, 'この文書が事案を報告しています: ', documentLink({ id: reportDocument.id, start: null, end: null }, displayName(reportDocument), actions))
          : evidenceList(edge.evidence, actions),
      ),
    );
  }

  return { show };
}
