import type { ApiClient } from '../api-client.ts';
import type { EntityDetail } from '../api-types.ts';
import { h, markedText, replaceChildren, safeExternalUrl } from '../create-element.ts';
import type { DocumentRef } from '../url-state.ts';
import type { StatusPanel } from './status-panel.ts';

/**
 * A source document read in the app (GET /api/entities/:docId gives its text): title,
 * publisher and date, a link to the original when it has a URL, and the text with the
 * evidence span marked and scrolled into view.
 */
export function createDocumentView(dialog: HTMLDialogElement, api: ApiClient, status: StatusPanel, onClose: () => void) {
  const body = h('div', { class: 'document-body' });
  const title = h('h2', { class: 'document-title', attrs: { id: 'document-title' } });
  const meta = h('p', { class: 'muted document-meta' });
  const close = h('button', { class: 'icon-button', attrs: { type: 'button', 'aria-label': '文書を閉じる' }, data: { testid: 'document-close' }, onClick: () => dialog.close() }, '×');
  replaceChildren(dialog, h('header', { class: 'document-header' }, h('div', {}, title, meta), close), body);
  dialog.setAttribute('aria-labelledby', 'document-title');
  dialog.addEventListener('close', () => onClose());
  let controller: AbortController | null = null;

  async function open(ref: DocumentRef): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    title.textContent = '文書を読み込み中…';
    meta.replaceChildren();
    replaceChildren(body, h('p', { class: 'muted loading-text' }, '読み込み中…'));
    if (!dialog.open) dialog.showModal();
    try {
      const detail = await status.track(api.entity(ref.id, controller.signal), '文書');
      render(detail, ref);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      title.textContent = '文書を開けませんでした';
      replaceChildren(body, h('p', { class: 'error-inline', data: { testid: 'document-error' } }, (error as Error).message));
    }
  }

  function render(detail: EntityDetail, ref: DocumentRef): void {
    const p = detail.properties;
    const text = typeof p.text === 'string' ? p.text : '';
    title.textContent = detail.name ?? detail.id;
    const url = safeExternalUrl(p.url);
    replaceChildren(
      meta,
      [p.publisher, p.publishedAt, p.source].filter((v): v is string => typeof v === 'string' && v.length > 0).join(' · '),
      url ? h('a', { class: 'external', attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' }, data: { testid: 'document-source-url' } }, ' 元の記事を開く ↗') : null,
    );
    if (!text) {
      replaceChildren(body, h('p', { class: 'muted' }, '本文は保存されていません。'));
      return;
    }
    const spans = ref.start !== null && ref.end !== null ? [{ start: ref.start, end: ref.end }] : [];
    const textBlock = h('div', { class: 'document-text', data: { testid: 'document-text' } }, markedText(text, spans, 'evidence-mark'));
    replaceChildren(body, textBlock);
    const mark = textBlock.querySelector('mark');
    if (mark) requestAnimationFrame(() => mark.scrollIntoView({ block: 'center' }));
  }

  return {
    open: (ref: DocumentRef) => void open(ref),
    close: () => {
      if (dialog.open) dialog.close();
    },
  };
}
