/**
 * @module The concrete bookable windows of the next days, computed from weekly rules and
 * exceptions in the provider's own time zone — correct across daylight-saving changes.
 */
import { Temporal } from 'temporal-polyfill';
import type { AvailabilityStepData } from '../creative-marketplace.js';

/** The weekly rules and booking limits of an availability (its step data without exceptions). */
export type AvailabilityRules = Pick<AvailabilityStepData, 'timeZone' | 'weekly'> &
  Partial<
    Pick<
      AvailabilityStepData,
      'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'minimumNoticeHours' | 'maximumAdvanceDays'
    >
  >;

/** Date ranges off and extra hours on single dates. */
export type AvailabilityExceptions = AvailabilityStepData['exceptions'];

/** One bookable window. */
export interface BookableWindow {
  /** The local date the window belongs to, `YYYY-MM-DD`. */
  date: string;
  /** Start, ISO 8601 with the local offset (`2026-03-08T03:00:00-07:00`). */
  start: string;
  /** End, ISO 8601 with the local offset. */
  end: string;
  /** Real elapsed minutes (a window across a DST change is an hour shorter or longer than its wall-clock span). */
  minutes: number;
}

/** What {@link availabilityPreview} returns. */
export interface AvailabilityPreview {
  timeZone: string;
  windows: BookableWindow[];
  /** Sum of all windows' minutes. */
  totalMinutes: number;
}

type Edge = 'start' | 'end';

/**
 * The instant a wall-clock time on a local date stands for. A time skipped by a spring-forward
 * gap becomes the instant of the change; a time that happens twice (fall-back) is its first
 * occurrence when it starts a window and its second when it ends one, so a window covers every
 * instant whose local time is within it.
 */
function instantOf(date: Temporal.PlainDate, wallTime: string, timeZone: string, edge: Edge): Temporal.ZonedDateTime {
  if (wallTime === '24:00') return date.add({ days: 1 }).toZonedDateTime({ timeZone });
  const local = date.toPlainDateTime(Temporal.PlainTime.from(wallTime));
  const zoned = local.toZonedDateTime(timeZone, { disambiguation: edge === 'start' ? 'earlier' : 'later' });
  if (Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), local) === 0) return zoned;
  // In a gap: clamp to the instant the clocks jumped.
  const after = local.toZonedDateTime(timeZone, { disambiguation: 'later' });
  return after.getTimeZoneTransition('previous') ?? after;
}

const compareInstants = (a: Temporal.ZonedDateTime, b: Temporal.ZonedDateTime) => Temporal.ZonedDateTime.compare(a, b);
const later = (a: Temporal.ZonedDateTime, b: Temporal.ZonedDateTime) => (compareInstants(a, b) >= 0 ? a : b);
const earlier = (a: Temporal.ZonedDateTime, b: Temporal.ZonedDateTime) => (compareInstants(a, b) <= 0 ? a : b);

/**
 * The bookable windows of `days` local dates starting with the date of `from` in the rules' time
 * zone. Exceptions override rules: a date in an `off` range has no weekly hours, `extra` hours are
 * added (also on an off date). Overlapping windows merge. Buffers shrink each window (set-up
 * before the first booking, wrap-up after the last), minimum notice cuts what starts too soon,
 * maximum advance cuts what is too far ahead.
 *
 * @param from the instant "now" is measured from. @default new Date()
 * @param days how many local dates. @default 14
 * @example
 * availabilityPreview({ timeZone: 'Europe/Berlin', weekly: [{ day: 1, start: '09:00', end: '17:00' }] }, [], new Date())
 */
export function availabilityPreview(
  rules: AvailabilityRules,
  exceptions: AvailabilityExceptions = [],
  from: Date | string | number = new Date(),
  days = 14,
): AvailabilityPreview {
  const { timeZone } = rules;
  const now = Temporal.Instant.fromEpochMilliseconds(new Date(from).getTime()).toZonedDateTimeISO(timeZone);
  const earliestStart = now.add({ hours: rules.minimumNoticeHours ?? 0 });
  const latestEnd = now.add({ days: rules.maximumAdvanceDays ?? 365 });
  const bufferBefore = rules.bufferBeforeMinutes ?? 0;
  const bufferAfter = rules.bufferAfterMinutes ?? 0;
  const firstDate = now.toPlainDate();

  const windows: BookableWindow[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const date = firstDate.add({ days: offset });
    const iso = date.toString();
    const isOff = exceptions.some(
      (exception) => exception.kind === 'off' && exception.from <= iso && iso <= exception.to,
    );
    const wallWindows = [
      ...(isOff ? [] : rules.weekly.filter((rule) => rule.day === date.dayOfWeek)),
      ...exceptions.filter((exception) => exception.kind === 'extra' && exception.date === iso),
    ] as { start: string; end: string }[];

    const spans = wallWindows
      .map((window) => ({
        start: instantOf(date, window.start, timeZone, 'start'),
        end: instantOf(date, window.end, timeZone, 'end'),
      }))
      .sort((a, b) => compareInstants(a.start, b.start));
    const merged: typeof spans = [];
    for (const span of spans) {
      const last = merged.at(-1);
      if (last && compareInstants(span.start, last.end) <= 0) last.end = later(last.end, span.end);
      else merged.push({ ...span });
    }

    for (const span of merged) {
      const start = later(span.start.add({ minutes: bufferBefore }), earliestStart);
      const end = earlier(span.end.subtract({ minutes: bufferAfter }), latestEnd);
      if (compareInstants(start, end) >= 0) continue;
      windows.push({
        date: iso,
        start: start.toString({ timeZoneName: 'never', smallestUnit: 'second' }),
        end: end.toString({ timeZoneName: 'never', smallestUnit: 'second' }),
        minutes: Math.round((end.epochMilliseconds - start.epochMilliseconds) / 60_000),
      });
    }
  }
  return { timeZone, windows, totalMinutes: windows.reduce((sum, window) => sum + window.minutes, 0) };
}
