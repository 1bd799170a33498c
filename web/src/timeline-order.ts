import type { IncidentDetail } from './api-types.ts';

export type TimelineEvent = IncidentDetail['timeline'][number];

/** Oldest first by date then end date; undated events last; ties keep the API's order. Pure. */
export function sortTimeline(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => compareDates(a.event.date, b.event.date) || compareDates(a.event.dateEnd, b.event.dateEnd) || a.index - b.index)
    .map(({ event }) => event);
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
