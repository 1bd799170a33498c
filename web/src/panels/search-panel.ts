import type { ApiClient } from '../api-client.ts';
import type { EntitySearchResult, SearchHit, SearchMode, SearchResponse } from '../api-types.ts';
import { h, markedText, replaceChildren } from '../create-element.ts';
import { labelJa } from '../ja-text.ts';
import { documentLink, type DocumentLinks } from './evidence-list.ts';
import { labelSwatch } from './legend-swatch.ts';
import type { StatusPanel } from './status-panel.ts';

export interface SearchActions extends DocumentLinks {
  openEntity(id: string): void;
  /** The search that is shown changed (for the URL). */
  searched(search: { q: string; mode: SearchMode } | null): void;
}

export const MODE_JA: Readonly<Record<SearchMode, string>> = { hybrid: 'ハイブリッド', vector: '意味（ベクトル）', lexical: 'キーワード' };
const MATCHED_BY_JA: Readonly<Record<string, string>> = { lexical: 'キーワード一致', vector: '意味の近さ' };

/**
 * Japanese search: ranked documents with their best passages (the API's highlight offsets
 * marked), and matching entities; either opens into the graph.
 */
export function createSearchPanel(
  elements: { form: HTMLFormElement; input: HTMLInputElement; mode: HTMLSelectElement; results: HTMLElement; section: HTMLDetailsElement },
  api: ApiClient,
  status: StatusPanel,
  actions: SearchActions,
) {
  let controller: AbortController | null = null;

  elements.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = elements.input.value.trim();
    if (q.length === 0) {
      clear();
      return;
    }
    void run(q, elements.mode.value as SearchMode);
  });

  function placeholder(): void {
    replaceChildren(elements.results, h('p', { class: 'muted' }, '上の検索欄に日本語で入力してください（例: 委託先アカウント、キリン、MFA）。'));
  }

  function clear(): void {
    controller?.abort();
    placeholder();
    actions.searched(null);
  }

  async function run(q: string, mode: SearchMode): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    elements.input.value = q;
    elements.mode.value = mode;
    elements.section.open = true;
    actions.searched({ q, mode });
    replaceChildren(elements.results, h('p', { class: 'muted loading-text', data: { testid: 'search-loading' } }, `「${q}」を検索中…`));
    try {
      const [documents, entities] = await Promise.all([
        status.track(api.search(q, mode, 10, signal), '検索'),
        // Entity matches are a side list: when they fail, the documents still show (the list is left out).
        api.findEntities(q, signal).catch(() => null),
      ]);
      if (signal.aborted) return;
      replaceChildren(elements.results, renderResults(documents, entities));
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(elements.results, h('p', { class: 'error-inline' }, `検索できませんでした: ${(error as Error).message}`));
    }
  }

  function renderResults(response: SearchResponse, entities: EntitySearchResult | null): HTMLElement {
    const modeNote = response.modeUsed !== response.mode ? `（${MODE_JA[response.mode]}検索は使えないため${MODE_JA[response.modeUsed]}検索の結果です）` : '';
    return h(
      'div',
      { data: { testid: 'search-results' } },
      response.warnings.length > 0 ? h('ul', { class: 'warnings' }, response.warnings.map((w) => h('li', {}, w))) : null,
      entities && entities.items.length > 0
        ? h(
            'section',
            { class: 'entity-matches' },
            h('h4', {}, 'エンティティ'),
            h(
              'ul',
              { class: 'plain-list' },
              entities.items.map((item) =>
                h(
                  'li',
                  { class: 'entity-match', data: { testid: 'entity-match', id: item.id } },
                  labelSwatch(item.label),
                  h('span', { class: 'entity-name' }, item.name ?? item.id),
                  h('span', { class: 'muted' }, ` ${labelJa(item.label)}`),
                  h('button', { class: 'small', attrs: { type: 'button' }, onClick: () => actions.openEntity(item.id) }, 'グラフで開く'),
                ),
              ),
            ),
          )
        : null,
      h('h4', {}, `文書 ${response.results.length} 件 ${modeNote}`),
      response.results.length === 0
        ? h('p', { class: 'muted' }, '該当する文書はありません。')
        : h('ol', { class: 'search-results' }, response.results.map((hit) => renderHit(hit))),
    );
  }

  function renderHit(hit: SearchHit): HTMLElement {
    const best = hit.passages[0];
    return h(
      'li',
      { class: 'search-hit', data: { testid: 'search-result', docId: hit.document.id } },
      h(
        'div',
        { class: 'hit-title' },
        h('span', { class: 'rank' }, `${hit.rank}.`),
        documentLink({ id: hit.document.id, start: best?.start ?? null, end: best?.end ?? null }, hit.document.title ?? hit.document.id, actions),
      ),
      h('div', { class: 'muted hit-meta' }, [hit.document.publishedAt, hit.document.publisher].filter(Boolean).join(' · ')),
      hit.passages.map((passage) =>
        h(
          'blockquote',
          { class: 'passage', data: { testid: 'search-passage' } },
          markedText(passage.text, passage.highlights),
          h('span', { class: 'matched-by' }, passage.matchedBy.map((m) => MATCHED_BY_JA[m] ?? m).join('・')),
        ),
      ),
      hit.incident
        ? h(
            'div',
            { class: 'button-row' },
            h(
              'button',
              { class: 'small primary', attrs: { type: 'button' }, data: { testid: 'open-result' }, onClick: () => actions.openEntity(hit.incident!.id) },
              `事案をグラフで開く: ${hit.incident.name ?? hit.incident.title ?? hit.incident.id}`,
            ),
          )
        : null,
    );
  }

  placeholder();
  return { run, clear };
}
