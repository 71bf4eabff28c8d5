import { describe, expect, it } from 'vitest';
import { availabilityPreview, type AvailabilityRules } from './availability-preview.js';

const rules = (
  timeZone: string,
  weekly: AvailabilityRules['weekly'],
  extra: Partial<AvailabilityRules> = {},
): AvailabilityRules => ({
  timeZone,
  weekly,
  ...extra,
});
const SUNDAY = 7;

/** The windows of one local date, from a `from` instant at that date's local midnight-ish. */
function windowsOn(date: string, timeZone: string, weekly: AvailabilityRules['weekly']) {
  // Noon UTC the day before keeps `from` on the previous local date in every zone tested.
  const from = new Date(`${date}T00:00:00Z`).getTime() - 12 * 3600_000;
  return availabilityPreview(rules(timeZone, weekly), [], from, 3).windows.filter((window) => window.date === date);
}

describe('availabilityPreview across daylight-saving changes', () => {
  describe('America/Los_Angeles, spring forward on 2026-03-08 (02:00 → 03:00)', () => {
    const tz = 'America/Los_Angeles';
    it('a whole-day rule is 23 hours long', () => {
      expect(windowsOn('2026-03-08', tz, [{ day: SUNDAY, start: '00:00', end: '24:00' }])).toEqual([
        { date: '2026-03-08', start: '2026-03-08T00:00:00-08:00', end: '2026-03-09T00:00:00-07:00', minutes: 23 * 60 },
      ]);
    });
    it('01:00–04:00 spans the gap and lasts 2 hours', () => {
      expect(windowsOn('2026-03-08', tz, [{ day: SUNDAY, start: '01:00', end: '04:00' }])).toEqual([
        { date: '2026-03-08', start: '2026-03-08T01:00:00-08:00', end: '2026-03-08T04:00:00-07:00', minutes: 120 },
      ]);
    });
    it('a start inside the gap begins when the clocks jump', () => {
      expect(windowsOn('2026-03-08', tz, [{ day: SUNDAY, start: '02:30', end: '05:00' }])[0]).toMatchObject({
        start: '2026-03-08T03:00:00-07:00',
        minutes: 120,
      });
    });
    it('the next Sunday is back to normal length', () => {
      expect(windowsOn('2026-03-15', tz, [{ day: SUNDAY, start: '00:00', end: '24:00' }])[0]?.minutes).toBe(24 * 60);
    });
  });

  describe('America/Los_Angeles, fall back on 2026-11-01 (02:00 → 01:00)', () => {
    const tz = 'America/Los_Angeles';
    it('a whole-day rule is 25 hours long', () => {
      expect(windowsOn('2026-11-01', tz, [{ day: SUNDAY, start: '00:00', end: '24:00' }])).toEqual([
        { date: '2026-11-01', start: '2026-11-01T00:00:00-07:00', end: '2026-11-02T00:00:00-08:00', minutes: 25 * 60 },
      ]);
    });
    it('00:00–03:00 includes the repeated hour: 4 hours', () => {
      expect(windowsOn('2026-11-01', tz, [{ day: SUNDAY, start: '00:00', end: '03:00' }])[0]?.minutes).toBe(240);
    });
    it('01:30–02:30 starts at the first 01:30 and ends after the second hour: 2 hours', () => {
      expect(windowsOn('2026-11-01', tz, [{ day: SUNDAY, start: '01:30', end: '02:30' }])[0]).toMatchObject({
        start: '2026-11-01T01:30:00-07:00',
        end: '2026-11-01T02:30:00-08:00',
        minutes: 120,
      });
    });
  });

  describe('Europe/Berlin, 2026-03-29 (02:00 → 03:00) and 2026-10-25 (03:00 → 02:00)', () => {
    const tz = 'Europe/Berlin';
    it('March: 09:00–17:00 keeps 8 hours with the new offset, the whole day has 23', () => {
      expect(windowsOn('2026-03-29', tz, [{ day: SUNDAY, start: '09:00', end: '17:00' }])).toEqual([
        { date: '2026-03-29', start: '2026-03-29T09:00:00+02:00', end: '2026-03-29T17:00:00+02:00', minutes: 480 },
      ]);
      expect(windowsOn('2026-03-29', tz, [{ day: SUNDAY, start: '00:00', end: '24:00' }])[0]?.minutes).toBe(23 * 60);
    });
    it('October: 00:00–24:00 has 25 hours; 02:00–04:00 has 3', () => {
      expect(windowsOn('2026-10-25', tz, [{ day: SUNDAY, start: '00:00', end: '24:00' }])[0]).toMatchObject({
        start: '2026-10-25T00:00:00+02:00',
        end: '2026-10-26T00:00:00+01:00',
        minutes: 25 * 60,
      });
      expect(windowsOn('2026-10-25', tz, [{ day: SUNDAY, start: '02:00', end: '04:00' }])[0]?.minutes).toBe(180);
    });
  });
});

describe('availabilityPreview rules, exceptions and limits', () => {
  // Monday 2026-06-01, 08:00 in Berlin (06:00 UTC).
  const from = '2026-06-01T06:00:00Z';
  const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));

  it('lists 14 local dates of weekly hours by default', () => {
    const preview = availabilityPreview(rules('Europe/Berlin', weekdays), [], from);
    expect(preview.windows).toHaveLength(10);
    expect(preview.totalMinutes).toBe(10 * 8 * 60);
    expect(preview.windows[0]).toMatchObject({ date: '2026-06-01', start: '2026-06-01T09:00:00+02:00' });
  });

  it('an off range removes those dates; extra hours are added, even on an off date', () => {
    const preview = availabilityPreview(
      rules('Europe/Berlin', weekdays),
      [
        { kind: 'off', from: '2026-06-02', to: '2026-06-04' },
        { kind: 'extra', date: '2026-06-03', start: '18:00', end: '20:00' },
        { kind: 'extra', date: '2026-06-06', start: '10:00', end: '12:00' },
      ],
      from,
      7,
    );
    expect(
      preview.windows.map((window) => `${window.date} ${window.start.slice(11, 16)}-${window.end.slice(11, 16)}`),
    ).toEqual(['2026-06-01 09:00-17:00', '2026-06-03 18:00-20:00', '2026-06-05 09:00-17:00', '2026-06-06 10:00-12:00']);
  });

  it('merges overlapping windows of one date', () => {
    const preview = availabilityPreview(
      rules('Europe/Berlin', [
        { day: 1, start: '09:00', end: '12:00' },
        { day: 1, start: '11:00', end: '14:00' },
        { day: 1, start: '14:00', end: '15:00' },
      ]),
      [],
      from,
      1,
    );
    expect(preview.windows).toEqual([
      { date: '2026-06-01', start: '2026-06-01T09:00:00+02:00', end: '2026-06-01T15:00:00+02:00', minutes: 360 },
    ]);
  });

  it('buffers shrink each window at both ends', () => {
    const preview = availabilityPreview(
      rules('Europe/Berlin', weekdays, { bufferBeforeMinutes: 30, bufferAfterMinutes: 45 }),
      [],
      from,
      1,
    );
    expect(preview.windows[0]).toMatchObject({
      start: '2026-06-01T09:30:00+02:00',
      end: '2026-06-01T16:15:00+02:00',
      minutes: 405,
    });
  });

  it('minimum notice cuts what starts too soon; a window that buffers eat up disappears', () => {
    const preview = availabilityPreview(rules('Europe/Berlin', weekdays, { minimumNoticeHours: 4 }), [], from, 2);
    // now 08:00 + 4 h = 12:00 on Monday.
    expect(preview.windows[0]).toMatchObject({ start: '2026-06-01T12:00:00+02:00', minutes: 300 });
    expect(
      availabilityPreview(
        rules('Europe/Berlin', [{ day: 1, start: '09:00', end: '10:00' }], {
          bufferBeforeMinutes: 30,
          bufferAfterMinutes: 30,
        }),
        [],
        from,
        1,
      ).windows,
    ).toEqual([]);
  });

  it('maximum advance cuts what is too far ahead', () => {
    const preview = availabilityPreview(rules('Europe/Berlin', weekdays, { maximumAdvanceDays: 2 }), [], from);
    // now + 2 days = Wednesday 08:00: Monday, Tuesday whole; Wednesday nothing (opens 09:00).
    expect(preview.windows.map((window) => window.date)).toEqual(['2026-06-01', '2026-06-02']);
  });

  it('starts on the local date of `from`, not the UTC date', () => {
    // 2026-06-01T23:30Z is already Tuesday 01:30 in Berlin.
    const preview = availabilityPreview(rules('Europe/Berlin', weekdays), [], '2026-06-01T23:30:00Z', 1);
    expect(preview.windows[0]?.date).toBe('2026-06-02');
  });
});
