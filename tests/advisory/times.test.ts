/**
 * Versions with a time of day (`updated: 2026-12-03T14:30Z`): how they are written, and how the
 * rules compare them with dates, as moments (a date alone is its midnight UTC).
 */
import { describe, expect, it } from 'vitest';
import { check, replaceLine, VALID } from './validate-helpers.js';

const EXPECTED = 'a date as YYYY-MM-DD, e.g. 2025-07-02, or a date and time with its offset from UTC, e.g. 2025-07-02T14:30Z';
const updated = (value: string, yaml = VALID) => replaceLine('updated: 2025-07-02', `updated: ${value}`, yaml);
const firstUpdate = (value: string, yaml = VALID) => replaceLine('  - date: 2025-07-02', `  - date: ${value}`, yaml);

describe('a version with a time of day', () => {
  it('is valid in updated, in the dates of updates and in a translation, with or without seconds, in UTC or with an offset', () => {
    expect(check(updated('2025-07-02T14:30Z'))).toEqual([]);
    expect(check(updated('2025-07-02T17:30:15+03:00', firstUpdate('2025-07-02T14:30:15Z')))).toEqual([]);
    const translated = `${updated('2025-07-02T14:30Z')}translations:\n  fr:\n    updated: 2025-07-02T16:30+02:00\n    summary: Soyez prudents.\n    guidance: [Restez en contact avec l'ambassade.]\n    regions: [{ name: Région de Kayes }]\n    contacts: [{ name: "Ambassade de l'Inde, Bamako" }]\n    updates: [{ summary: Relevé. }, { summary: Publié. }]\n`;
    expect(check(translated, { languages: ['en', 'fr'] })).toEqual([]);
  });

  it('is refused without its offset from UTC, saying to add Z or the offset', () => {
    expect(check(updated('2025-07-02T14:30'))).toEqual([
      `advisories/ml.yaml:5:10  error  updated must be ${EXPECTED}, found "2025-07-02T14:30": the time has no offset from UTC, so it would be a different moment in each time zone; add Z if the time is UTC (2025-07-02T14:30Z), or the offset of the time zone it is in, such as 2025-07-02T14:30+03:00`,
    ]);
    expect(check(firstUpdate('2025-07-02T14:30:05'))[0]).toBe(
      `advisories/ml.yaml:19:11  error  updates[0].date must be ${EXPECTED}, found "2025-07-02T14:30:05": the time has no offset from UTC, so it would be a different moment in each time zone; add Z if the time is UTC (2025-07-02T14:30:05Z), or the offset of the time zone it is in, such as 2025-07-02T14:30:05+03:00`,
    );
  });

  it('says how to write a date and time written another common way, or one that does not exist', () => {
    const message = (value: string) => check(updated(value))[0]!.replace(`advisories/ml.yaml:5:10  error  updated must be ${EXPECTED}, `, '');
    expect(message('2025-07-02 14:30Z')).toBe('found "2025-07-02 14:30Z": write it as 2025-07-02T14:30Z');
    expect(message('2025-07-02T14:30+0300')).toBe('found "2025-07-02T14:30+0300": write it as 2025-07-02T14:30+03:00');
    expect(message('2025-07-02t14:30z')).toBe('found "2025-07-02t14:30z": write it as 2025-07-02T14:30Z');
    expect(message('2025-07-02T24:00Z')).toBe('found "2025-07-02T24:00Z": 24:00 is not a time of day: hours go from 00 to 23, minutes and seconds from 00 to 59');
    expect(message('2025-07-02T14:30+15:00')).toBe('found "2025-07-02T14:30+15:00": +15:00 is not an offset from UTC: offsets go from -14:00 to +14:00');
    expect(message('2025-02-30T14:30Z')).toBe('found "2025-02-30T14:30Z": 2025-02-30 is not a real date: month 2 of 2025 has 28 days');
  });

  it('is not taken by issued or review_by, which are days', () => {
    expect(check(replaceLine('issued: 2025-07-01', 'issued: 2025-07-01T09:00Z'))).toEqual([
      "advisories/ml.yaml:4:9  error  issued must be a date as YYYY-MM-DD, e.g. 2025-07-02, found \"2025-07-01T09:00Z\": only updated, the dates of updates and a translation's updated take a time of day; write the date alone, 2025-07-01",
    ]);
  });
});

describe('dates and times compared as moments, a date alone being its midnight UTC', () => {
  it('lets an update dated the day of updated come before updated at a time that day, and not after it', () => {
    expect(check(updated('2025-07-02T14:30Z'))).toEqual([]);
    expect(check(firstUpdate('2025-07-02T14:30Z'))).toEqual([
      "advisories/ml.yaml:19:11  error  updates[0].date (2025-07-02T14:30Z) is after updated (2025-07-02); set updated to the newest update's date",
    ]);
    expect(check(updated('2025-07-02T14:30Z', firstUpdate('2025-07-02T15:00+00:00')))).toEqual([
      "advisories/ml.yaml:19:11  error  updates[0].date (2025-07-02T15:00+00:00) is after updated (2025-07-02T14:30Z); set updated to the newest update's date",
    ]);
  });

  it('orders updates of one day by their times, newest first', () => {
    const twoToday = updated('2025-07-02T16:00Z', replaceLine('  - date: 2025-07-01', '  - date: 2025-07-02T15:00+02:00', firstUpdate('2025-07-02T12:00Z')));
    expect(check(twoToday)).toEqual([
      'advisories/ml.yaml:21:11  error  updates must be newest first: updates[1].date (2025-07-02T15:00+02:00, that is 2025-07-02T13:00Z) is newer than the entry above it (2025-07-02T12:00Z)',
    ]);
  });

  it('shows the moment in UTC when an offset puts a time on the day before issued', () => {
    const early = updated('2025-07-01T01:00+03:00', firstUpdate('2025-07-01'));
    expect(check(early)).toEqual([
      'advisories/ml.yaml:5:10  error  updated must not be before issued (2025-07-01), found 2025-07-01T01:00+03:00, that is 2025-06-30T22:00Z',
      "advisories/ml.yaml:19:11  error  updates[0].date (2025-07-01) is after updated (2025-07-01T01:00+03:00, that is 2025-06-30T22:00Z); set updated to the newest update's date",
      "advisories/ml.yaml:21:11  error  updates[1].date (2025-07-01) is after updated (2025-07-01T01:00+03:00, that is 2025-06-30T22:00Z); set updated to the newest update's date",
    ]);
  });

  it('takes review_by, a day, as not before an update at a time that day', () => {
    const today = '2025-07-01';
    expect(check(replaceLine('review_by: 2026-01-01', 'review_by: 2025-07-02', updated('2025-07-02T23:59Z')), { today })).toEqual([]);
    expect(check(replaceLine('review_by: 2026-01-01', 'review_by: 2025-07-01', updated('2025-07-02T00:30Z')), { today })).toEqual([
      'advisories/ml.yaml:6:12  warning  review_by (2025-07-01) is before updated (2025-07-02T00:30Z); set the next review date',
    ]);
  });

  it('refuses a time after tomorrow (UTC) as in the future, and takes one tomorrow', () => {
    const today = '2025-07-02';
    expect(check(updated('2025-07-03T23:59Z'), { today })).toEqual([]);
    // 00:30 on the 4th east of UTC is still the 3rd in UTC.
    expect(check(updated('2025-07-04T00:30+03:00'), { today })).toEqual([]);
    expect(check(updated('2025-07-04T00:00Z'), { today })).toEqual([
      'advisories/ml.yaml:5:10  error  updated 2025-07-04T00:00Z is in the future (today is 2025-07-02); check the year: feeds and alerts are dated by it, so every later change would look older and be passed over',
    ]);
  });

  it("warns that a translation dated the day of a change made at a time that day may be older than it, and not when it is as late", () => {
    const withFr = (fr: string) =>
      `${updated('2025-07-02T14:30Z')}translations:\n  fr:\n    updated: ${fr}\n    summary: Soyez prudents.\n    guidance: [Restez en contact avec l'ambassade.]\n    regions: [{ name: Région de Kayes }]\n    contacts: [{ name: "Ambassade de l'Inde, Bamako" }]\n    updates: [{ summary: Relevé. }, { summary: Publié. }]\n`;
    expect(check(withFr('2025-07-02'), { languages: ['en', 'fr'] })).toEqual([
      'advisories/ml.yaml:25:14  warning  translations.fr.updated (2025-07-02) is older than updated (2025-07-02T14:30Z): the fr text may be out of date; bring it in line with the advisory, then set translations.fr.updated to 2025-07-02T14:30Z or later',
    ]);
    expect(check(withFr('2025-07-02T16:00+02:00'), { languages: ['en', 'fr'] })).toEqual([
      'advisories/ml.yaml:25:14  warning  translations.fr.updated (2025-07-02T16:00+02:00, that is 2025-07-02T14:00Z) is older than updated (2025-07-02T14:30Z): the fr text may be out of date; bring it in line with the advisory, then set translations.fr.updated to 2025-07-02T14:30Z or later',
    ]);
    expect(check(withFr('2025-07-02T17:30+03:00'), { languages: ['en', 'fr'] })).toEqual([]);
  });
});
