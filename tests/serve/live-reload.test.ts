import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildEvent, RELOAD_SCRIPT, widenPolicy, withLiveReload } from '../../src/serve/live-reload.js';
import { requestedFile } from '../../src/serve/server.js';

const hash = `'sha256-${createHash('sha256').update(RELOAD_SCRIPT).digest('base64')}'`;
const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
</head>
<body>
<p>Hello</p>
</body>
</html>
`;

describe('live reload in served pages', () => {
  it('allows exactly its own script and a connection to the server, nothing else', () => {
    expect(widenPolicy("default-src 'none'; style-src 'unsafe-inline'")).toBe(`default-src 'none'; style-src 'unsafe-inline'; script-src ${hash}; connect-src 'self'`);
  });

  it("replaces a page's own script and connection rules instead of adding to them", () => {
    expect(widenPolicy("default-src 'none'; script-src 'unsafe-inline' https:; connect-src *;")).toBe(`default-src 'none'; script-src ${hash}; connect-src 'self'`);
  });

  it('rewrites the policy and adds the script, told its build, before </body>', () => {
    const expected = page
      .replace(`form-action 'none'">`, `form-action 'none'; script-src ${hash}; connect-src 'self'">`)
      .replace('</body>', `<script data-build="7">${RELOAD_SCRIPT}</script>\n</body>`);
    expect(expected).not.toBe(page);
    expect(withLiveReload(page, 7)).toBe(expected);
  });

  it('adds the script at the end of a page without </body>', () => {
    expect(withLiveReload('<p>Hi</p>', 2)).toBe(`<p>Hi</p><script data-build="2">${RELOAD_SCRIPT}</script>\n`);
  });

  it('announces a build as a server-sent event', () => {
    expect(buildEvent(3)).toBe('event: build\ndata: 3\n\n');
  });
});

describe('request paths', () => {
  it.each([
    ['/', 'index.html'],
    ['/ml.html', 'ml.html'],
    ['/fr/', 'fr/index.html'],
    ['/fr/ml.html?x=1#top', 'fr/ml.html'],
    ['/caf%C3%A9.html', 'café.html'],
    // The URL is normalised first, as a browser does; files are looked up in memory, never on disk.
    ['/../etc/passwd', 'etc/passwd'],
    ['/%2e%2e/secret', 'secret'],
  ])('%s is the output file %s', (url, file) => {
    expect(requestedFile(url)).toBe(file);
  });

  it.each(['/a%2F..%2Fb', '/a/.%2Fb', '/%E0%A4%A'])('%s names no output file', (url) => {
    expect(requestedFile(url)).toBeNull();
  });
});
