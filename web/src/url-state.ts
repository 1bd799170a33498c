import type { SearchMode } from './api-types.ts';
import type { GraphOp, Preset } from './graph-state.ts';

/**
 * The view as a query string, so a URL can be shared and reopened: the graph operations in
 * the order they were made (`preset`, `open`, `expand`, `path`), the filters (`hide`,
 * `hiderel`), the selected element (`sel`), an open document (`doc`, `span`) and the search
 * (`q`, `mode`). Reopening replays the operations against the API. Pure.
 *
 *   ?preset=actor:qilin&expand=Organization:org:アスクル&hide=Event&sel=node:ThreatActor:qilin
 */

export type Selection = { readonly kind: 'node'; readonly key: string } | { readonly kind: 'edge'; readonly id: string };

export interface DocumentRef {
  readonly id: string;
  readonly start: number | null;
  readonly end: number | null;
}

export interface ViewSpec {
  readonly ops: readonly GraphOp[];
  readonly hiddenLabels: readonly string[];
  readonly hiddenRels: readonly string[];
  readonly selected: Selection | null;
  readonly doc: DocumentRef | null;
  readonly search: { readonly q: string; readonly mode: SearchMode } | null;
}

export const EMPTY_VIEW: ViewSpec = { ops: [], hiddenLabels: [], hiddenRels: [], selected: null, doc: null, search: null };

const SEARCH_MODES: readonly SearchMode[] = ['hybrid', 'vector', 'lexical'];
const PATH_SEPARATOR = '|';

export function presetToParam(preset: Preset): string {
  return preset.kind === 'all' ? 'all' : `${preset.kind}:${preset.id}`;
}

export function presetFromParam(value: string): Preset | null {
  if (value === 'all') return { kind: 'all' };
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon);
  const id = value.slice(colon + 1).trim();
  if (colon <= 0 || id.length === 0) return null;
  if (kind === 'accessVector' || kind === 'actor') return { kind, id };
  return null;
}

export function encodeView(view: ViewSpec): string {
  const params = new URLSearchParams();
  if (view.search) {
    params.append('q', view.search.q);
    if (view.search.mode !== 'hybrid') params.append('mode', view.search.mode);
  }
  for (const op of view.ops) {
    switch (op.kind) {
      case 'preset':
        params.append('preset', presetToParam(op.preset));
        break;
      case 'open':
        params.append('open', op.id);
        break;
      case 'expand':
        params.append('expand', op.key);
        break;
      case 'path':
        params.append('path', `${op.from}${PATH_SEPARATOR}${op.to}`);
        break;
    }
  }
  if (view.hiddenLabels.length > 0) params.append('hide', [...view.hiddenLabels].sort().join(','));
  if (view.hiddenRels.length > 0) params.append('hiderel', [...view.hiddenRels].sort().join(','));
  if (view.selected) params.append('sel', view.selected.kind === 'node' ? `node:${view.selected.key}` : `edge:${view.selected.id}`);
  if (view.doc) {
    params.append('doc', view.doc.id);
    if (view.doc.start !== null && view.doc.end !== null) params.append('span', `${view.doc.start}-${view.doc.end}`);
  }
  const text = params.toString();
  return text.length > 0 ? `?${text}` : '';
}

export function decodeView(search: string): ViewSpec {
  const params = new URLSearchParams(search);
  const ops: GraphOp[] = [];
  for (const [key, raw] of params) {
    const value = raw.trim();
    if (value.length === 0) continue;
    if (key === 'preset') {
      const preset = presetFromParam(value);
      if (preset) ops.push({ kind: 'preset', preset });
    } else if (key === 'open') {
      ops.push({ kind: 'open', id: value });
    } else if (key === 'expand') {
      ops.push({ kind: 'expand', key: value });
    } else if (key === 'path') {
      const at = value.indexOf(PATH_SEPARATOR);
      const from = value.slice(0, at).trim();
      const to = value.slice(at + 1).trim();
      if (at > 0 && from && to) ops.push({ kind: 'path', from, to });
    }
  }
  const list = (name: string) =>
    (params.get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  const q = params.get('q')?.trim() ?? '';
  const modeParam = params.get('mode');
  const mode = SEARCH_MODES.find((m) => m === modeParam) ?? 'hybrid';
  return {
    ops,
    hiddenLabels: list('hide'),
    hiddenRels: list('hiderel'),
    selected: parseSelection(params.get('sel')),
    doc: parseDocument(params.get('doc'), params.get('span')),
    search: q ? { q, mode } : null,
  };
}

function parseSelection(value: string | null): Selection | null {
  if (!value) return null;
  if (value.startsWith('node:') && value.length > 5) return { kind: 'node', key: value.slice(5) };
  if (value.startsWith('edge:') && value.length > 5) return { kind: 'edge', id: value.slice(5) };
  return null;
}

function parseDocument(id: string | null, span: string | null): DocumentRef | null {
  if (!id?.trim()) return null;
  const match = /^(\d+)-(\d+)$/.exec(span ?? '');
  const start = match ? Number(match[1]) : null;
  const end = match ? Number(match[2]) : null;
  return { id: id.trim(), start: start !== null && end !== null && end >= start ? start : null, end: start !== null && end !== null && end >= start ? end : null };
}
