/** A `dostplan serve` in this process for the tests: a session over a plan, a server on a free port, raw HTTP. */
import { request as httpRequest } from 'node:http';
import { RunContext } from '../dist/run/run-context.js';
import { planAbout } from '../dist/cli/provenance.js';
import { startServer, type RunningServer } from '../dist/serve/server.js';
import { Session } from '../dist/serve/session.js';

export interface Served {
  server: RunningServer;
  session: Session;
  messages: string[];
  /** An authorised request (the token header, a loopback Host) unless `headers` say otherwise. */
  call(method: string, path: string, o?: { headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply>;
  get(path: string): Promise<Reply>;
  post(path: string, body: unknown): Promise<Reply>;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read the answers' fields freely
  json(): any;
}

export async function serve(
  plan: string | undefined,
  o: { webDir?: string; data?: string; maxEdits?: number; lang?: 'en' | 'az' } = {},
): Promise<Served> {
  const messages: string[] = [];
  const run = new RunContext({ message: (l) => messages.push(l), ...(o.lang ? { lang: o.lang } : {}) });
  const session = await Session.open(run, plan, o.data ? { data: o.data } : {}, { maxEdits: o.maxEdits });
  const server = await startServer({ session, about: planAbout, port: 0, webDir: o.webDir ?? '/nonexistent' });
  const call: Served['call'] = (method, path, c = {}) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = {
        Host: `127.0.0.1:${server.port}`,
        'X-Dostplan-Token': server.token,
        ...c.headers,
      };
      for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
      const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body) });
        });
      });
      req.on('error', reject);
      if (c.body !== undefined) req.write(c.body);
      req.end();
    });
  return {
    server,
    session,
    messages,
    call,
    get: (path) => call('GET', path),
    post: (path, body) =>
      call('POST', path, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  };
}
