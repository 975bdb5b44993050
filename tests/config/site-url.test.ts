/**
 * site_url makes every link in feeds, CAP alerts and open data: what would
 * publish a broken or unsafe link is a config error at its position.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors.js';

function problems(siteUrl: string): string[] {
  try {
    parseConfig('advisory.config.yaml', new TextEncoder().encode(`issuer: Ministry\nsite_url: ${siteUrl}\n`));
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`);
  }
}

const expected = 'site_url must be a web address ending in /, e.g. https://example.org/travel/, found';

describe('site_url', () => {
  it('accepts plain web addresses, with a port, an IP address or an escape', () => {
    for (const ok of ['https://example.org/travel/', 'http://localhost:8080/', 'https://[2001:db8::1]/a%20b/', 'https://xn--80ak6aa92e.com/']) expect(problems(ok), ok).toEqual([]);
  });

  it.each([
    ['https://example.org:99999/', 'it is not a valid web address'],
    ['https://officer:s3cret@example.org/', 'it holds a user name or password, which every feed and alert would publish'],
    ['https://example.org/?lang=en/', 'it has a ?query or #fragment, which the links made from it would lose'],
    ['https://example.org/#top/', 'it has a ?query or #fragment, which the links made from it would lose'],
    ['https://a,b.example/', 'its host a,b.example is not a plain host name'],
    ['https://example.org/%zz/', 'it has a % that does not start an escape such as %20'],
  ])('refuses %s', (siteUrl, reason) => {
    expect(problems(siteUrl)).toEqual([`2:11 ${expected} "${siteUrl}": ${reason}`]);
  });
});
