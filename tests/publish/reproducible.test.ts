/** Byte-identical output whatever the machine's time zone, locale or build date. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPublishFixture, listFiles, type Published } from '../helpers/published.js';

let first: Published;
let second: Published;
beforeAll(() => {
  first = buildPublishFixture({ TZ: 'Asia/Kolkata', LANG: 'hi_IN.UTF-8', LC_ALL: 'hi_IN.UTF-8', SOURCE_DATE_EPOCH: '1795824000' });
  // Another zone on the other side of the date line, the C locale, and a build date months later.
  second = buildPublishFixture({ TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C', SOURCE_DATE_EPOCH: '1800000000' });
});
afterAll(() => {
  first.cleanup();
  second.cleanup();
});

it('builds byte-identical output under different TZ, LANG and SOURCE_DATE_EPOCH', () => {
  expect(first.result.status).toBe(0);
  expect(second.result.status).toBe(0);
  const files = listFiles(first.dist);
  expect(listFiles(second.dist)).toEqual(files);
  expect(files.length).toBeGreaterThan(30);
  for (const file of files) {
    const a = readFileSync(path.join(first.dist, file));
    const b = readFileSync(path.join(second.dist, file));
    expect({ file, same: a.equals(b) }).toEqual({ file, same: true });
  }
});
