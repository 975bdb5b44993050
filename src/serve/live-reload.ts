/**
 * Live reload for pages served by `advisory serve`, and only for those: built
 * files never carry it. Each served page gets the number of the build it came
 * from and a small script that listens to the server's events and reloads
 * when a newer build is announced (also when the build finished between the
 * page loading and the script connecting).
 *
 * Bulletins forbid every script with their Content-Security-Policy. A served
 * page's policy is widened by exactly this script's hash and a connection to
 * the server itself, so advisory text still cannot run anything.
 */
import { createHash } from 'node:crypto';

export const EVENTS_PATH = '/__advisory/events';

export const RELOAD_SCRIPT =
  `(function(){var built=document.currentScript.dataset.build;` +
  `var events=new EventSource('${EVENTS_PATH}');` +
  `events.addEventListener('build',function(e){if(e.data!==built){events.close();location.reload();}});})();`;

const SCRIPT_HASH = `'sha256-${createHash('sha256').update(RELOAD_SCRIPT).digest('base64')}'`;

/** The directives a served page needs on top of its own policy. */
export const PREVIEW_DIRECTIVES = [`script-src ${SCRIPT_HASH}`, `connect-src 'self'`];

/** A policy with our script and the event stream allowed; the page's own rules for them are replaced. */
export function widenPolicy(policy: string): string {
  const kept = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !/^(script-src|script-src-elem|connect-src)(\s|$)/i.test(d));
  return [...kept, ...PREVIEW_DIRECTIVES].join('; ');
}

// The policy meta as the templates write it. Advisory text cannot produce this: every `<` in it is escaped.
const CSP_META = /<meta\s+http-equiv=(["']?)Content-Security-Policy\1\s+content=(?:"([^"]*)"|'([^']*)')\s*\/?>/gi;

/** The page as served: the policy widened, and the script, told its build's number, before `</body>`. */
export function withLiveReload(html: string, build: number): string {
  const page = html.replace(CSP_META, (_m, _q, double?: string, single?: string) => `<meta http-equiv="Content-Security-Policy" content="${widenPolicy(double ?? single ?? '')}">`);
  const tail = `<script data-build="${build}">${RELOAD_SCRIPT}</script>\n`;
  const end = page.toLowerCase().lastIndexOf('</body>');
  return end === -1 ? page + tail : page.slice(0, end) + tail + page.slice(end);
}

/** One server-sent event announcing a build. */
export function buildEvent(build: number): string {
  return `event: build\ndata: ${build}\n\n`;
}
