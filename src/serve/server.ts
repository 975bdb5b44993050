/**
 * The preview's HTTP server: serves the latest build from memory on
 * 127.0.0.1 only, with live reload in its HTML pages, and announces each new
 * build to open pages over server-sent events.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../errors.js';
import { buildEvent, EVENTS_PATH, withLiveReload } from './live-reload.js';
import { notFoundPage, problemsPage, type Problem } from './pages.js';

export const HOST = '127.0.0.1';

/** What the server shows: the files of the latest good build, or the problems of a failed one. */
export type Site = { ok: true; files: ReadonlyMap<string, string> } | { ok: false; problems: readonly Problem[] };

export interface PreviewServer {
  url: string;
  /** Show this build from now on and tell open pages to reload. */
  publish(site: Site): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

function contentType(file: string): string {
  return TYPES[/\.([a-z]+)$/.exec(file)?.[1] ?? ''] ?? 'application/octet-stream';
}

/** The output file a request path names: `/` and folders mean their index.html. Null for what cannot be ours. */
export function requestedFile(url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://preview').pathname);
  } catch {
    return null;
  }
  const relative = pathname.replace(/^\/+/, '');
  if (relative.split('/').some((part) => part === '..' || part === '.')) return null;
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

export async function startPreviewServer(port: number, initial: Site): Promise<PreviewServer> {
  let site = initial;
  let build = 1;
  const streams = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();

  const send = (res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // Another web site must not read the preview through a name that resolves to 127.0.0.1 (DNS
    // rebinding). Host names are case-insensitive: LOCALHOST is the same address.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) return send(res, 403, TYPES.txt!, 'Open the preview at its own address.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TYPES.txt!, 'Only GET and HEAD.\n', { Allow: 'GET, HEAD' });
    // A HEAD of the event stream gets its headers, not a stream that never ends.
    if (req.url === EVENTS_PATH && req.method === 'HEAD') return send(res, 200, 'text/event-stream', '');
    if (req.url === EVENTS_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`retry: 500\n\n${buildEvent(build)}`);
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return;
    }
    const file = requestedFile(req.url ?? '/');
    if (file === null) return send(res, 400, TYPES.txt!, 'Bad request.\n');
    if (!site.ok) return send(res, 500, TYPES.html!, withLiveReload(problemsPage(site.problems), build));
    const content = site.files.get(file);
    // A folder asked for without its slash (/fr): its index is at /fr/, where its relative links work.
    if (content === undefined && site.files.has(`${file}/index.html`)) return send(res, 308, TYPES.txt!, '', { Location: `/${encodeURI(file)}/` });
    if (content === undefined) return send(res, 404, TYPES.html!, withLiveReload(notFoundPage(`/${file}`, [...site.files.keys()]), build));
    send(res, 200, contentType(file), file.endsWith('.html') ? withLiveReload(content, build) : content);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new UsageError(`port ${port} is in use; choose another with --port, or --port 0 for a free one`));
      else if (error.code === 'EACCES') reject(new UsageError(`port ${port} needs privileges; choose a port above 1023 with --port`));
      else reject(error);
    });
    server.listen(port, HOST, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${HOST}:${actual}`, `localhost:${actual}`]);

  return {
    url: `http://${HOST}:${actual}/`,
    publish(next) {
      site = next;
      build++;
      for (const res of streams) res.write(buildEvent(build));
    },
    async close() {
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
