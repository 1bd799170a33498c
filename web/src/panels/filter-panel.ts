import { ENTITY_LABELS, Label } from '../../../graph-schema/labels.ts';
import { FACT_RELS, Rel } from '../../../graph-schema/relationships.ts';
import { h, replaceChildren } from '../create-element.ts';
import type { GraphFilters } from '../graph-state.ts';
import { labelJa, relJa } from '../ja-text.ts';
import { labelSwatch, relSwatch } from './legend-swatch.ts';

/** Node labels the browser can show (chunks never are). */
export const SHOWN_LABELS: readonly string[] = [...ENTITY_LABELS, Label.Event, Label.DataBreach, Label.Document];
/** Relationship types the browser can show. */
export const SHOWN_RELS: readonly string[] = [...FACT_RELS, Rel.REPORTS, Rel.PRECEDED_BY];

export interface FilterActions {
  setLabelHidden(label: string, hidden: boolean): void;
  setRelHidden(type: string, hidden: boolean): void;
  showAllTypes(): void;
}

interface Row {
  readonly input: HTMLInputElement;
  readonly count: HTMLElement;
  readonly row: HTMLElement;
}

/**
 * The legend and the type filters in one: every node label with its colour and shape, every
 * relationship type with its line, each with a checkbox and how many are on screen.
 */
export function createFilterPanel(root: HTMLElement, actions: FilterActions) {
  const labelRows = new Map<string, Row>();
  const relRows = new Map<string, Row>();

  const row = (kind: 'label' | 'rel', type: string, swatch: SVGSVGElement, name: string): Row => {
    const input = h('input', { attrs: { type: 'checkbox', checked: true }, data: { testid: `filter-${kind}-${type}` } });
    input.addEventListener('change', () => (kind === 'label' ? actions.setLabelHidden(type, !input.checked) : actions.setRelHidden(type, !input.checked)));
    const count = h('span', { class: 'count' }, '0');
    const element = h('li', { class: 'filter-row' }, h('label', {}, input, swatch, h('span', { class: 'filter-name' }, name), count));
    return { input, count, row: element };
  };

  for (const label of SHOWN_LABELS) labelRows.set(label, row('label', label, labelSwatch(label), labelJa(label)));
  for (const rel of SHOWN_RELS) relRows.set(rel, row('rel', rel, relSwatch(rel), relJa(rel)));

  replaceChildren(
    root,
    h('h4', { class: 'legend-heading' }, 'ノードの種類（色と形）'),
    h('ul', { class: 'filter-list', data: { testid: 'legend-labels' } }, [...labelRows.values()].map((r) => r.row)),
    h('h4', { class: 'legend-heading' }, '関係の種類（線）'),
    h('ul', { class: 'filter-list', data: { testid: 'legend-rels' } }, [...relRows.values()].map((r) => r.row)),
    h('button', { class: 'link-button', attrs: { type: 'button' }, onClick: () => actions.showAllTypes() }, 'すべて表示'),
  );

  function update(counts: { labels: ReadonlyMap<string, number>; rels: ReadonlyMap<string, number> }, filters: GraphFilters): void {
    for (const [label, r] of labelRows) {
      const n = counts.labels.get(label) ?? 0;
      r.input.checked = !filters.hiddenLabels.has(label);
      r.count.textContent = String(n);
      r.row.classList.toggle('is-empty', n === 0);
    }
    for (const [rel, r] of relRows) {
      const n = counts.rels.get(rel) ?? 0;
      r.input.checked = !filters.hiddenRels.has(rel);
      r.count.textContent = String(n);
      r.row.classList.toggle('is-empty', n === 0);
    }
  }

  return { update };
}
