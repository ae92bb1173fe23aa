// Listening: the app on a Node HTTP server (@hono/node-server).
import { serve as listen } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import type { Hono } from "hono";

export interface ServeOptions {
  /** default 8080; 0 picks a free port */
  port?: number;
  /** default 127.0.0.1 (this machine only) */
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function serve(app: Hono<any>, opts: ServeOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = listen({ fetch: app.fetch, port: opts.port ?? 8080, hostname: host }, (info: AddressInfo) => {
      const shown = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}/`,
        port: info.port,
        close: () => new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done()))),
      });
    });
    server.once("error", reject);
  });
}
