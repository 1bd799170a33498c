import { h, replaceChildren } from '../create-element.ts';
import { displayName, type GraphState } from '../graph-state.ts';
import { labelJa } from '../ja-text.ts';
import type { Selection } from '../url-state.ts';
import { SHOWN_LABELS } from './filter-panel.ts';
import { labelSwatch } from './legend-swatch.ts';

/**
 * The nodes on screen as a list of buttons: a text alternative to the canvas (screen readers,
 * keyboard) and a quick way to find one node among hundreds.
 */
export function createNodeList(root: HTMLElement, heading: HTMLElement, select: (selection: Selection) => void) {
  const filter = h('input', { attrs: { type: 'search', placeholder: '名前で絞り込み', 'aria-label': 'ノード一覧を名前で絞り込み' } });
  const list = h('ul', { class: 'node-list', data: { testid: 'node-list' } });
  replaceChildren(root, filter, list);
  let last: { state: GraphState; visible: ReadonlySet<string>; selected: string | null } | null = null;
  filter.addEventListener('input', () => {
    if (last) update(last.state, last.visible, last.selected);
  });

  function update(state: GraphState, visible: ReadonlySet<string>, selected: string | null): void {
    last = { state, visible, selected };
    const needle = filter.value.trim().toLowerCase();
    const order = (label: string) => {
      const i = SHOWN_LABELS.indexOf(label);
      return i < 0 ? SHOWN_LABELS.length : i;
    };
    const nodes = [...state.nodes.values()]
      .filter((n) => visible.has(n.key))
      .sort((a, b) => order(a.label) - order(b.label) || displayName(a).localeCompare(displayName(b), 'ja'));
    heading.textContent = `表示中のノード一覧（${nodes.length}）`;
    replaceChildren(
      list,
      nodes
        .filter((n) => !needle || displayName(n).toLowerCase().includes(needle) || n.id.toLowerCase().includes(needle))
        .map((n) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                class: `node-item${n.key === selected ? ' is-selected' : ''}`,
                attrs: { type: 'button', 'aria-pressed': n.key === selected },
                data: { testid: 'node-item', nodeKey: n.key, label: n.label },
                onClick: () => select({ kind: 'node', key: n.key }),
              },
              labelSwatch(n.label, 12),
              h('span', { class: 'node-name' }, displayName(n)),
              h('span', { class: 'muted' }, labelJa(n.label)),
            ),
          ),
        ),
    );
  }

  return { update };
}
