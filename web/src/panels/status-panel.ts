import { ApiError } from '../api-client.ts';
import { h, replaceChildren } from '../create-element.ts';

/**
 * Loading and failure, always visible: a busy indicator while requests run (counted, so
 * overlapping requests keep it on), an error panel with the API's code and message, and a
 * polite notice line for outcomes that are not errors (no path found, nothing new).
 */
export interface StatusPanel {
  /** Shows the indicator until the promise settles; failures go to the error panel and are re-thrown. */
  track<T>(promise: Promise<T>, what: string): Promise<T>;
  showError(error: unknown, context?: string): void;
  clearError(): void;
  notice(message: string): void;
}

export function createStatusPanel(elements: { loading: HTMLElement; error: HTMLElement; notice: HTMLElement }): StatusPanel {
  const running = new Map<number, string>();
  let nextId = 0;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;

  const refreshLoading = () => {
    const labels = [...new Set(running.values())];
    elements.loading.hidden = labels.length === 0;
    elements.loading.setAttribute('aria-busy', String(labels.length > 0));
    document.body.toggleAttribute('data-loading', labels.length > 0);
    replaceChildren(elements.loading, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), h('span', {}, labels.length > 0 ? `${labels.join('・')}を読み込み中…` : ''));
  };

  const showError = (error: unknown, context?: string) => {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    const api = error instanceof ApiError ? error : null;
    const message = api ? api.message : error instanceof Error ? error.message : String(error);
    replaceChildren(
      elements.error,
      h(
        'div',
        { class: 'error-body' },
        h('strong', { class: 'error-title' }, context ? `${context}: 読み込みに失敗しました` : 'エラーが発生しました'),
        api ? h('code', { class: 'error-code', data: { testid: 'error-code' } }, api.status > 0 ? `${api.code} (HTTP ${api.status})` : api.code) : null,
        h('p', { class: 'error-message', data: { testid: 'error-message' } }, message),
        api?.requestId ? h('p', { class: 'error-request' }, `リクエストID: ${api.requestId}`) : null,
      ),
      h('button', { class: 'icon-button', attrs: { type: 'button', 'aria-label': 'エラーを閉じる' }, onClick: () => clearError() }, '×'),
    );
    elements.error.hidden = false;
  };

  const clearError = () => {
    elements.error.hidden = true;
    elements.error.replaceChildren();
  };

  refreshLoading();
  clearError();
  return {
    async track<T>(promise: Promise<T>, what: string): Promise<T> {
      const id = nextId++;
      running.set(id, what);
      refreshLoading();
      try {
        return await promise;
      } catch (error) {
        showError(error, what);
        throw error;
      } finally {
        running.delete(id);
        refreshLoading();
      }
    },
    showError,
    clearError,
    notice(message: string) {
      elements.notice.textContent = message;
      elements.notice.hidden = message.length === 0;
      clearTimeout(noticeTimer);
      if (message) noticeTimer = setTimeout(() => (elements.notice.hidden = true), 8000);
    },
  };
}
