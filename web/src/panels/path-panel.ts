import type { ApiClient } from '../api-client.ts';
import type { Paths } from '../api-types.ts';
import { h, replaceChildren } from '../create-element.ts';

export interface PathActions {
  findPath(from: string, to: string): void;
}

/**
 * Shortest paths between two entities: each end is typed (an id, a name or an alias, with
 * suggestions) or taken from the selected node; the answer is drawn and emphasised.
 */
export function createPathPanel(root: HTMLElement, api: ApiClient, actions: PathActions) {
  const suggestions = h('datalist', { attrs: { id: 'entity-suggestions' } });
  const endpoint = (which: 'from' | 'to') =>
    h('input', {
      attrs: {
        type: 'text',
        name: which,
        list: 'entity-suggestions',
        autocomplete: 'off',
        placeholder: which === 'from' ? '始点（例: キリン）' : '終点（例: アスクル）',
        'aria-label': which === 'from' ? '経路の始点' : '経路の終点',
      },
      data: { testid: `path-${which}` },
    });
  const from = endpoint('from');
  const to = endpoint('to');
  const result = h('div', { class: 'path-result', attrs: { 'aria-live': 'polite' }, data: { testid: 'path-result' } });
  const form = h(
    'form',
    { class: 'path-form' },
    from,
    to,
    h('div', { class: 'button-row' }, h('button', { class: 'primary', attrs: { type: 'submit' }, data: { testid: 'path-submit' } }, '経路を探す'), swapButton()),
  );
  replaceChildren(root, form, suggestions, result);

  function swapButton(): HTMLButtonElement {
    return h(
      'button',
      {
        attrs: { type: 'button', title: '始点と終点を入れ替える' },
        onClick: () => {
          const [a, b] = [valueOf(from), valueOf(to)];
          setField(from, b);
          setField(to, a);
        },
      },
      '⇅ 入れ替え',
    );
  }

  /** What a field names: the id of a node put there from the graph, or what was typed. */
  const valueOf = (input: HTMLInputElement) => ({ id: input.dataset.name === input.value ? (input.dataset.id ?? input.value) : input.value.trim(), name: input.value });
  const setField = (input: HTMLInputElement, value: { id: string; name: string }) => {
    input.value = value.name;
    input.dataset.id = value.id;
    input.dataset.name = value.name;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const a = valueOf(from).id;
    const b = valueOf(to).id;
    if (!a || !b) {
      replaceChildren(result, h('p', { class: 'error-inline' }, '始点と終点を入力してください。'));
      return;
    }
    actions.findPath(a, b);
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  const suggest = (input: HTMLInputElement) => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length === 0 || input.dataset.name === input.value) return;
    timer = setTimeout(() => {
      controller?.abort();
      controller = new AbortController();
      api
        .findEntities(q, controller.signal)
        .then((found) => replaceChildren(suggestions, found.items.map((item) => h('option', { attrs: { value: item.name ?? item.id } }))))
        .catch(() => undefined);
    }, 250);
  };
  from.addEventListener('input', () => suggest(from));
  to.addEventListener('input', () => suggest(to));

  return {
    setEndpoint(which: 'from' | 'to', id: string, name: string): void {
      setField(which === 'from' ? from : to, { id, name });
      root.closest('details')?.setAttribute('open', '');
    },
    showResult(answer: Paths | null, message?: string): void {
      if (!answer) {
        replaceChildren(result, message ? h('p', { class: 'error-inline' }, message) : null);
        return;
      }
      setField(from, { id: answer.from.id, name: answer.from.name ?? answer.from.id });
      setField(to, { id: answer.to.id, name: answer.to.name ?? answer.to.id });
      if (answer.hops === null || answer.paths.length === 0) {
        replaceChildren(result, h('p', { class: 'muted' }, `「${answer.from.name ?? answer.from.id}」から「${answer.to.name ?? answer.to.id}」への経路は見つかりませんでした。`));
        return;
      }
      replaceChildren(
        result,
        h('p', {}, `${answer.paths.length} 本の最短経路（${answer.hops} ホップ）${answer.truncated ? '・一部のみ表示' : ''}。グラフ上で強調表示しています。`),
      );
    },
  };
}
