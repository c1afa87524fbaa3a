/**
 * An HTTP proxy that sees every request the browser makes — from pages, the extension's
 * service worker and its pages alike — and lets through only those to the local test
 * server. Chromium is pointed at it with `--proxy-server` and `--proxy-bypass-list=<-loopback>`
 * (so even 127.0.0.1 goes through it): anything the extension sent anywhere would be
 * recorded here, whatever context sent it, without relying on DevTools events.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Absolute URL, or host:port for CONNECT (HTTPS, WebSocket over TLS). */
  url: string;
  /** Whether it went to the local test server (and was let through). */
  local: boolean;
}

export interface CountingProxy {
  port: number;
  requests: ProxiedRequest[];
  /** Chromium switches that send all its traffic through this proxy. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

/** `allowed` are the origins ("http://127.0.0.1:1234") requests may reach. */
export async function countingProxy(allowed: () => string[]): Promise<CountingProxy> {
  const requests: ProxiedRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    let target: URL | null = null;
    try {
      target = new URL(url);
    } catch {
      target = null;
    }
    const local = !!target && allowed().includes(target.origin);
    requests.push({ method: req.method ?? 'GET', url, local });
    if (!target || !local) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by the test proxy');
      return;
    }
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  // HTTPS and secure WebSockets arrive as CONNECT: nothing of the kind is expected.
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', local: false });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    requests.push({ method: 'UPGRADE', url: req.url ?? '', local: false });
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    chromiumArgs: [`--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>'],
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
