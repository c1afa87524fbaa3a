/** A tiny HTTP server on 127.0.0.1 (free port) serving fixed pages and files. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = { html: string } | { file: string; type?: string };

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export async function serve(routes: Map<string, Route>): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      if ('html' in route) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(route.html);
      // Saved pages declare their own charset in <meta>; serve their bytes untouched.
      else res.writeHead(200, { 'content-type': route.type ?? 'text/html' }).end(readFileSync(route.file));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => origin + p,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A browser keeps its connections open: end them, or close() waits on them.
        server.closeAllConnections();
      }),
  };
}
