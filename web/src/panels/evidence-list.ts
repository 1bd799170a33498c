import type { EvidenceItem } from '../api-types.ts';
import { h, markedText } from '../create-element.ts';
import { spanInSentence } from '../text-highlight.ts';
import type { DocumentRef } from '../url-state.ts';

export interface DocumentLinks {
  /** A shareable URL of the current view with this document open. */
  documentHref(ref: DocumentRef): string;
  openDocument(ref: DocumentRef): void;
}

const SHOWN_AT_FIRST = 5;

/** A link to the in-app document view (a real href, so it opens in a new tab too). */
export function documentLink(ref: DocumentRef, title: string, links: DocumentLinks): HTMLAnchorElement {
  const anchor = h(
    'a',
    {
      class: 'doc-link',
      attrs: { href: links.documentHref(ref), title: '文書を開く' },
      data: { testid: 'doc-link', docId: ref.id },
      onClick: (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        links.openDocument(ref);
      },
    },
    title,
  );
  // The view may have changed since the link was drawn: point it at the current one before it is used.
  const refresh = () => anchor.setAttribute('href', links.documentHref(ref));
  for (const type of ['pointerenter', 'focus', 'contextmenu', 'auxclick']) anchor.addEventListener(type, refresh);
  return anchor;
}

/** One piece of evidence: document and date, the sentence with the evidence span marked. */
export function evidenceItem(item: EvidenceItem, links: DocumentLinks): HTMLLIElement {
  const span = spanInSentence(item);
  const confidence = item.confidence === null ? null : `確信度 ${item.confidence.toFixed(2)}`;
  return h(
    'li',
    { class: 'evidence', data: { testid: 'evidence-item' } },
    h(
      'div',
      { class: 'evidence-source' },
      documentLink({ id: item.docId, start: item.start, end: item.end }, item.title ?? item.docId, links),
      item.publishedAt ? h('time', { attrs: { datetime: item.publishedAt } }, item.publishedAt) : null,
    ),
    item.sentence
      ? h('blockquote', { class: 'evidence-sentence', data: { testid: 'evidence-sentence' } }, markedText(item.sentence, span ? [span] : []))
      : h('p', { class: 'muted' }, '（根拠の文は記録されていません）'),
    item.extractor || confidence ? h('div', { class: 'evidence-meta' }, [item.extractor ? `抽出: ${item.extractor}` : null, confidence].filter(Boolean).join(' · ')) : null,
  );
}

/** Evidence items, the first few shown and the rest behind a button. */
export function evidenceList(items: readonly EvidenceItem[], links: DocumentLinks): HTMLElement {
  if (items.length === 0) return h('p', { class: 'muted' }, '根拠となる文はありません。');
  const list = h('ul', { class: 'evidence-list' }, items.slice(0, SHOWN_AT_FIRST).map((item) => evidenceItem(item, links)));
  const rest = items.slice(SHOWN_AT_FIRST);
  if (rest.length === 0) return list;
  const more = h(
    'button',
    {
      class: 'link-button',
      attrs: { type: 'button' },
      onClick: () => {
        for (const item of rest) list.appendChild(evidenceItem(item, links));
        more.remove();
      },
    },
    `さらに ${rest.length} 件の根拠を表示`,
  );
  return h('div', {}, list, more);
}
