import './styles.css';
import { createApiClient } from './api-client.ts';
import { h, replaceChildren } from './create-element.ts';
import { createGraphController, type GraphController } from './graph-controller.ts';
import { emptyGraph } from './graph-state.ts';
import { createDetailsPanel } from './panels/details-panel.ts';
import { createDocumentView } from './panels/document-view.ts';
import { createFilterPanel } from './panels/filter-panel.ts';
import { createNodeList } from './panels/node-list.ts';
import { createPathPanel } from './panels/path-panel.ts';
import { renderPresetButtons } from './panels/preset-panel.ts';
import { createSearchPanel } from './panels/search-panel.ts';
import { createStatusPanel } from './panels/status-panel.ts';
import { GraphView } from './render-graph.ts';
import { decodeView } from './url-state.ts';

declare global {
  interface Window {
    /** Plain facts about the drawing, for browser tests and debugging in the console. */
    __kg?: {
      snapshot: GraphController['snapshot'];
      renderedPoint(id: string): { x: number; y: number } | null;
      layoutRunning(): boolean;
    };
  }
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id}`);
  return element as T;
}

async function boot(): Promise<void> {
  const api = createApiClient();
  const status = createStatusPanel({ loading: byId('loading'), error: byId('error-panel'), notice: byId('notice') });
  // Panels reach the controller through `controller()`; it is created right after them, before any user input.
  let created: GraphController | null = null;
  const controller = (): GraphController => {
    if (!created) throw new Error('the graph controller is not ready yet');
    return created;
  };
  const links = {
    documentHref: (ref: Parameters<GraphController['documentHref']>[0]) => controller().documentHref(ref),
    openDocument: (ref: Parameters<GraphController['openDocument']>[0]) => controller().openDocument(ref),
  };

  const graphElement = byId('graph');
  const view = new GraphView(graphElement, {
    onSelect: (selection) => controller().select(selection),
    onExpand: (key) => void controller().expand(key),
  });
  const path = createPathPanel(byId('path-panel'), api, { findPath: (from, to) => void controller().findPath(from, to) });
  const details = createDetailsPanel(byId('details'), api, status, {
    ...links,
    expand: (key) => void controller().expand(key),
    select: (selection) => controller().select(selection, { reveal: true }),
    setPathEndpoint: (which, id, name) => path.setEndpoint(which, id, name),
  });
  const filters = createFilterPanel(byId('filters'), {
    setLabelHidden: (label, hidden) => controller().setLabelHidden(label, hidden),
    setRelHidden: (type, hidden) => controller().setRelHidden(type, hidden),
    showAllTypes: () => controller().showAllTypes(),
  });
  const nodeList = createNodeList(byId('node-list'), byId('node-list-heading'), (selection) => controller().select(selection, { reveal: true }));
  const documentView = createDocumentView(byId<HTMLDialogElement>('document-view'), api, status, () => controller().documentClosed());
  const search = createSearchPanel(
    { form: byId<HTMLFormElement>('search-form'), input: byId<HTMLInputElement>('search-input'), mode: byId<HTMLSelectElement>('search-mode'), results: byId('search-results'), section: byId<HTMLDetailsElement>('search-section') },
    api,
    status,
    { ...links, openEntity: (id) => void controller().openEntity(id), searched: (next) => controller().searched(next) },
  );
  renderPresetButtons(byId('presets'), (preset) => void controller().openPreset(preset));
  renderPresetButtons(byId('empty-presets'), (preset) => void controller().openPreset(preset), '-empty');

  const undoButton = byId<HTMLButtonElement>('undo');
  const counts = byId('graph-counts');
  const emptyState = byId('empty-state');
  const chrome = {
    update(info: { nodes: number; edges: number; visibleNodes: number; visibleEdges: number; canUndo: boolean; busy: boolean }) {
      undoButton.disabled = !info.canUndo;
      const hidden = info.nodes - info.visibleNodes + (info.edges - info.visibleEdges);
      counts.textContent = `ノード ${info.visibleNodes}・エッジ ${info.visibleEdges}${hidden > 0 ? `（非表示 ${hidden}）` : ''}`;
      emptyState.hidden = info.nodes > 0 || info.busy;
    },
  };

  created = createGraphController(
    api,
    view,
    { status, details, filters, nodeList, path, document: documentView, search, chrome },
    { pathname: location.pathname, replace: (url) => history.replaceState(null, '', url) },
    graphElement,
  );

  undoButton.addEventListener('click', () => void controller().undo());
  byId('fit').addEventListener('click', () => controller().fit());
  byId('relayout').addEventListener('click', () => controller().relayout());
  byId('zoom-in').addEventListener('click', () => view.zoomBy(1.25));
  byId('zoom-out').addEventListener('click', () => view.zoomBy(0.8));
  byId('clear').addEventListener('click', () => void controller().clear());
  byId('copy-link').addEventListener('click', () => {
    const href = location.href;
    navigator.clipboard
      .writeText(href)
      .then(() => status.notice('この表示へのリンクをコピーしました。'))
      .catch(() => status.notice(`この表示へのリンク: ${href}`));
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (target && (target.closest('input, textarea, select') || target.isContentEditable)) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      void controller().undo();
    } else if (event.key === 'Escape' && controller().hasSelection() && !byId<HTMLDialogElement>('document-view').open) {
      controller().select(null);
    }
  });
  // A window resized (or switched between the wide and narrow layouts) gets the graph fitted again.
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  new ResizeObserver(() => {
    view.resize();
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      controller().fit();
      graphElement.dataset.fittedWidth = String(graphElement.clientWidth);
    }, 150);
  }).observe(graphElement);
  window.addEventListener('popstate', () => location.reload());

  window.__kg = { snapshot: () => controller().snapshot(), renderedPoint: (id) => view.renderedPoint(id), layoutRunning: () => view.layoutRunning() };

  details.show(null, emptyGraph());
  api
    .stats()
    .then((s) => {
      byId('stats').textContent = `文書 ${s.documents}・事案 ${s.incidents}`;
    })
    .catch((error: unknown) => status.showError(error, '統計'));
  await controller().restore(decodeView(location.search));
}

boot().catch((error: unknown) => {
  // Never a blank page: say what failed where the graph would be.
  const target = document.getElementById('error-panel') ?? document.body;
  target.hidden = false;
  replaceChildren(target, h('strong', {}, '画面を初期化できませんでした'), h('p', {}, error instanceof Error ? error.message : String(error)));
});
