import type { IncidentDetail } from '../api-types.ts';
import { h } from '../create-element.ts';
import { eventKindJa } from '../ja-text.ts';
import { sortTimeline } from '../timeline-order.ts';
import { documentLink, evidenceList, type DocumentLinks } from './evidence-list.ts';

/** The incident's dated events, each with the document that dates it. */
export function timelineView(detail: IncidentDetail, links: DocumentLinks): HTMLElement {
  const events = sortTimeline(detail.timeline);
  if (events.length === 0) return h('p', { class: 'muted' }, '日付のある出来事は記録されていません。');
  return h(
    'ol',
    { class: 'timeline', data: { testid: 'timeline' } },
    events.map((event) => {
      const first = event.evidence[0];
      return h(
        'li',
        { class: 'timeline-item', data: { testid: 'timeline-item', date: event.date ?? '' } },
        h(
          'div',
          { class: 'timeline-when' },
          h('time', { attrs: { datetime: event.date ?? undefined } }, event.date ?? '日付不明'),
          event.dateEnd && event.dateEnd !== event.date ? h('span', {}, ` ～ ${event.dateEnd}`) : null,
          h('span', { class: 'badge' }, eventKindJa(event.kind)),
        ),
        h('p', { class: 'timeline-text' }, event.name ?? ''),
        first ? h('div', { class: 'timeline-source' }, '出典: ', documentLink({ id: first.docId, start: first.start, end: first.end }, first.title ?? first.docId, links)) : null,
        event.evidence.length > 1 ? h('details', { class: 'timeline-evidence' }, h('summary', {}, `根拠 ${event.evidence.length} 件`), evidenceList(event.evidence, links)) : null,
      );
    }),
  );
}
