import type { ApiClient } from './api-client.ts';
import type { Paths, SearchMode } from './api-types.ts';
import {
  applyStep,
  canUndo,
  countTypes,
  currentHighlight,
  edgesOf,
  emptyGraph,
  hasOp,
  opsOf,
  parseNodeKey,
  undo as undoStep,
  visibleElements,
  type GraphFilters,
  type GraphOp,
  type GraphState,
  type Subgraph,
} from './graph-state.ts';
import { labelJa } from './ja-text.ts';
import type { GraphView } from './render-graph.ts';
import { fromActorVictims, fromExport, fromGraphAnswer, fromIncidentList, fromPaths } from './subgraphs.ts';
import { encodeView, type DocumentRef, type Selection, type ViewSpec } from './url-state.ts';
import { presetTitle } from './panels/preset-panel.ts';
import type { StatusPanel } from './panels/status-panel.ts';

/** Most neighbours one expansion adds. */
const NEIGHBOR_LIMIT = 100;
/** Most incidents a preset by access vector lists. */
const PRESET_INCIDENT_LIMIT = 200;

export interface ControllerPanels {
  readonly status: StatusPanel;
  readonly details: { show(selection: Selection | null, state: GraphState): void };
  readonly filters: { update(counts: ReturnType<typeof countTypes>, filters: GraphFilters): void };
  readonly nodeList: { update(state: GraphState, visible: ReadonlySet<string>, selected: string | null): void };
  readonly path: { showResult(answer: Paths | null, message?: string): void };
  readonly document: { open(ref: DocumentRef): void; close(): void };
  readonly search: { run(q: string, mode: SearchMode): Promise<void> };
  /** Toolbar and empty-state bits. */
  readonly chrome: { update(info: { nodes: number; edges: number; visibleNodes: number; visibleEdges: number; canUndo: boolean; busy: boolean }): void };
}

export interface UrlSink {
  readonly pathname: string;
  replace(url: string): void;
}

interface OpResult {
  readonly sub: Subgraph;
  readonly focus?: string;
  readonly notice?: string;
  readonly paths?: Paths;
}

/**
 * Owns the view: the graph state, the filters, the selection and the open document. Runs
 * graph operations one at a time against the API, redraws, updates the panels and keeps
 * the URL equal to the view, and replays a URL's view on load.
 */
export function createGraphController(api: ApiClient, view: GraphView, panels: ControllerPanels, url: UrlSink, graphElement: HTMLElement) {
  let state: GraphState = emptyGraph();
  let filters: GraphFilters = { hiddenLabels: new Set(), hiddenRels: new Set() };
  let selected: Selection | null = null;
  let doc: DocumentRef | null = null;
  let search: { q: string; mode: SearchMode } | null = null;
  let restoring = false;
  let pending = 0;
  let queue: Promise<void> = Promise.resolve();
  let detailsEdgeCount = -1;

  const spec = (): ViewSpec => ({
    ops: opsOf(state),
    hiddenLabels: [...filters.hiddenLabels],
    hiddenRels: [...filters.hiddenRels],
    selected,
    doc,
    search,
  });

  function syncUrl(): void {
    if (restoring) return;
    url.replace(url.pathname + encodeView(spec()));
  }

  function enqueue(task: () => Promise<void>): Promise<void> {
    pending += 1;
    refreshChrome();
    const run = queue.then(task).finally(() => {
      pending -= 1;
      refreshChrome();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  function refreshChrome(): void {
    const visible = visibleElements(state, filters);
    panels.chrome.update({
      nodes: state.nodes.size,
      edges: state.edges.size,
      visibleNodes: visible.nodes.size,
      visibleEdges: visible.edges.size,
      canUndo: canUndo(state),
      busy: pending > 0,
    });
    graphElement.dataset.nodeCount = String(visible.nodes.size);
    graphElement.dataset.edgeCount = String(visible.edges.size);
    graphElement.dataset.busy = String(pending > 0 || restoring);
  }

  function refresh(): void {
    const visible = visibleElements(state, filters);
    view.render(state, visible, currentHighlight(state));
    panels.filters.update(countTypes(state), filters);
    if (selected && !(selected.kind === 'node' ? state.nodes.has(selected.key) : state.edges.has(selected.id))) {
      applySelection(null);
    } else {
      view.select(selected);
      // A selected node whose edges changed (expanded, undone) shows its new evidence.
      if (selected?.kind === 'node' && edgesOf(state, selected.key).length !== detailsEdgeCount) applySelection(selected);
    }
    panels.nodeList.update(state, visible.nodes, selected?.kind === 'node' ? selected.key : null);
    refreshChrome();
  }

  function applySelection(selection: Selection | null): void {
    selected = selection;
    view.select(selection);
    detailsEdgeCount = selection?.kind === 'node' ? edgesOf(state, selection.key).length : -1;
    panels.details.show(selection, state);
    panels.nodeList.update(state, visibleElements(state, filters).nodes, selection?.kind === 'node' ? selection.key : null);
  }

  async function fetchOp(op: GraphOp): Promise<OpResult> {
    switch (op.kind) {
      case 'preset': {
        const { preset } = op;
        if (preset.kind === 'accessVector') {
          const list = await api.incidents({ accessVector: preset.id, limit: PRESET_INCIDENT_LIMIT });
          return { sub: fromIncidentList(list), notice: list.items.length === 0 ? `侵入経路「${preset.id}」の事案は見つかりませんでした。` : undefined };
        }
        if (preset.kind === 'actor') {
          const answer = await api.actorVictims(preset.id);
          return { sub: fromActorVictims(answer), notice: answer.victims.length === 0 ? `${answer.actor.name ?? preset.id} の被害組織は記録されていません。` : undefined };
        }
        return { sub: fromExport(await api.exportGraph()) };
      }
      case 'open': {
        const answer = await api.neighbors(op.id, { depth: 1, limit: NEIGHBOR_LIMIT });
        return { sub: fromGraphAnswer(answer), focus: answer.center.key, notice: answer.truncated ? `近傍が多いため ${NEIGHBOR_LIMIT} 件までを表示しています。` : undefined };
      }
      case 'expand': {
        const parsed = parseNodeKey(op.key);
        const answer = await api.neighbors(parsed?.id ?? op.key, { depth: 1, limit: NEIGHBOR_LIMIT });
        const notes: string[] = [];
        if (answer.center.key !== op.key) {
          notes.push(`ID「${answer.center.id}」は複数の種類で使われているため、${labelJa(answer.center.label)}の近傍を表示しました。`);
        }
        if (answer.truncated) notes.push(`近傍が多いため ${NEIGHBOR_LIMIT} 件までを表示しています。`);
        return { sub: fromGraphAnswer(answer), focus: op.key, notice: notes.join(' ') || undefined };
      }
      case 'path': {
        const answer = await api.paths(op.from, op.to);
        return { sub: fromPaths(answer), paths: answer };
      }
    }
  }

  function opTitle(op: GraphOp): string {
    switch (op.kind) {
      case 'preset':
        return presetTitle(op.preset);
      case 'open':
        return 'エンティティを開く';
      case 'expand':
        return '近傍の展開';
      case 'path':
        return '経路';
    }
  }

  function apply(op: GraphOp, result: OpResult): void {
    const before = { nodes: state.nodes.size, edges: state.edges.size };
    state = applyStep(state, op, result.sub);
    if (result.paths) panels.path.showResult(result.paths);
    refresh();
    const addedNodes = state.nodes.size - before.nodes;
    const addedEdges = state.edges.size - before.edges;
    const summary = addedNodes + addedEdges > 0 ? `${opTitle(op)}: ノード +${addedNodes}・エッジ +${addedEdges}` : `${opTitle(op)}: 新しいノードやエッジはありません`;
    panels.status.notice([summary, result.notice].filter(Boolean).join(' '));
    if (result.focus && state.nodes.has(result.focus)) {
      applySelection({ kind: 'node', key: result.focus });
      view.reveal({ kind: 'node', key: result.focus });
    }
  }

  function run(op: GraphOp): Promise<void> {
    return enqueue(async () => {
      if (hasOp(state, op)) {
        panels.status.notice('この操作の結果はすでに表示されています。');
        if (op.kind === 'expand') applySelection({ kind: 'node', key: op.key });
        return;
      }
      panels.status.clearError();
      let result: OpResult;
      try {
        result = await panels.status.track(fetchOp(op), opTitle(op));
      } catch (error) {
        if (op.kind === 'path') panels.path.showResult(null, `経路を探せませんでした: ${(error as Error).message}`);
        return;
      }
      apply(op, result);
      syncUrl();
    });
  }

  return {
    openPreset: (preset: Extract<GraphOp, { kind: 'preset' }>['preset']) => run({ kind: 'preset', preset }),
    openEntity: (id: string) => run({ kind: 'open', id }),
    expand: (key: string) => run({ kind: 'expand', key }),
    findPath: (from: string, to: string) => run({ kind: 'path', from, to }),

    undo(): Promise<void> {
      return enqueue(async () => {
        const last = state.steps[state.steps.length - 1];
        if (!last) return;
        state = undoStep(state);
        if (last.op.kind === 'path') panels.path.showResult(null);
        refresh();
        panels.status.notice(`元に戻しました: ${opTitle(last.op)}`);
        syncUrl();
      });
    },

    clear(): Promise<void> {
      return enqueue(async () => {
        state = emptyGraph();
        panels.path.showResult(null);
        applySelection(null);
        refresh();
        syncUrl();
      });
    },

    select(selection: Selection | null, options: { reveal?: boolean } = {}): void {
      applySelection(selection);
      if (selection && options.reveal) view.reveal(selection);
      syncUrl();
    },

    setLabelHidden(label: string, hidden: boolean): void {
      const next = new Set(filters.hiddenLabels);
      if (hidden) next.add(label);
      else next.delete(label);
      filters = { ...filters, hiddenLabels: next };
      refresh();
      syncUrl();
    },

    setRelHidden(type: string, hidden: boolean): void {
      const next = new Set(filters.hiddenRels);
      if (hidden) next.add(type);
      else next.delete(type);
      filters = { ...filters, hiddenRels: next };
      refresh();
      syncUrl();
    },

    showAllTypes(): void {
      filters = { hiddenLabels: new Set(), hiddenRels: new Set() };
      refresh();
      syncUrl();
    },

    openDocument(ref: DocumentRef): void {
      doc = ref;
      panels.document.open(ref);
      syncUrl();
    },

    /** The dialog closed (by the user or by code). */
    documentClosed(): void {
      if (!doc) return;
      doc = null;
      syncUrl();
    },

    documentHref(ref: DocumentRef): string {
      return url.pathname + encodeView({ ...spec(), doc: ref });
    },

    searched(next: { q: string; mode: SearchMode } | null): void {
      search = next;
      syncUrl();
    },

    /** Replays a view: filters, search, the operations in order (fetched together), then selection and document. */
    async restore(view: ViewSpec): Promise<void> {
      restoring = true;
      refreshChrome();
      filters = { hiddenLabels: new Set(view.hiddenLabels), hiddenRels: new Set(view.hiddenRels) };
      if (view.search) {
        search = view.search;
        void panels.search.run(view.search.q, view.search.mode);
      }
      let failed = 0;
      try {
        const ops = view.ops.filter((op, i) => view.ops.findIndex((o) => JSON.stringify(o) === JSON.stringify(op)) === i);
        const results = await Promise.allSettled(ops.map((op) => panels.status.track(fetchOp(op), opTitle(op))));
        await enqueue(async () => {
          results.forEach((result, i) => {
            const op = ops[i];
            if (!op) return;
            if (result.status === 'rejected') {
              failed += 1;
              return;
            }
            state = applyStep(state, op, result.value.sub);
            if (result.value.paths) panels.path.showResult(result.value.paths);
          });
          refresh();
          if (view.selected && (view.selected.kind === 'node' ? state.nodes.has(view.selected.key) : state.edges.has(view.selected.id))) {
            applySelection(view.selected);
          }
        });
      } finally {
        restoring = false;
        refreshChrome();
      }
      if (view.doc) {
        doc = view.doc;
        panels.document.open(view.doc);
      }
      // Keep a link whose operations failed as it was, so reloading can try again.
      if (failed === 0) syncUrl();
      graphElement.dataset.ready = 'true';
    },

    fit: () => view.fit(),
    relayout: () => view.relayout(),
    hasSelection: () => selected !== null,
    /** Plain facts about the drawing, for tests and debugging. */
    snapshot: () => ({ nodes: [...state.nodes.keys()], edges: [...state.edges.keys()], selected, steps: state.steps.length }),
  };
}

export type GraphController = ReturnType<typeof createGraphController>;
