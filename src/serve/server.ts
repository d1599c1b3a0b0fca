/**
 * The HTTP server of `dostplan serve` (node:http, no framework): the page from dist/web/, the JSON
 * API of docs/serve.md over a Session, and the security rules of security.ts before any of it.
 * Requests that read or change the session run one at a time (a queue), so an edit never lands in
 * the middle of a computation and every answer is of one revision.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GROUPINGS, type GroupBy } from '../analysis/demand.js';
import { InputError, UserError } from '../errors.js';
import { MAX_YEAR, MIN_YEAR } from '../model/plan.js';
import { printable } from '../render/printable.js';
import type { Locale } from '../model/locale.js';
import { type Said, said } from '../model/said.js';
import { whereWords } from '../model/where-words.js';
import {
  answerText,
  capacityAnswer,
  coverageAnswer,
  defaultWorst,
  distancesAnswer,
  timelineAnswer,
  type AboutOf,
  type Answer,
} from './answers.js';
import { layerRoutes } from './layers.js';
import { EditError, parseEditRequest } from './edits.js';
import { mapOf } from './map.js';
import { save } from './save.js';
import { suggest } from './suggest.js';
import { localState, localSummary } from './local-answers.js';
import { localeOf } from './run-locale.js';
import {
  checkHost,
  checkPost,
  hasToken,
  newToken,
  readBody,
  refusal,
  secure,
  tokenCookie,
  tokenMatches,
  type Refusal,
} from './security.js';
import type { Session } from './session.js';
import { placeholderPage } from './placeholder.js';

export interface ServeOptions {
  session: Session;
  about: AboutOf;
  /** Loopback address to listen on (default 127.0.0.1). */
  host?: string;
  /** 0: a free port. */
  port: number;
  /** The session token (default: a fresh random one). */
  token?: string;
  /** The page's folder: index.html, app.js, app.css (dist/web/). */
  webDir: string;
}

export type PostHandler = (body: unknown, session: Session) => Promise<unknown> | unknown;

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  /** Runs `f` in turn with the requests that read or change the session (the watcher's reloads). */
  serial<T>(f: () => Promise<T> | T): Promise<T>;
  close(): Promise<void>;
}

/** Most page tabs a planner keeps open on one session; more event streams are refused (503). */
const MAX_EVENT_STREAMS = 32;

const STATIC: Record<string, string> = {
  '/app.js': 'text/javascript; charset=utf-8',
  '/app.css': 'text/css; charset=utf-8',
};

class HttpError extends Error {
  constructor(readonly r: Refusal) {
    super(r.message);
  }
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const token = o.token ?? newToken();
  const host = o.host ?? '127.0.0.1';
  const streams = new Set<ServerResponse>();
  let port = 0;
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `f` after every request before it: one at a time over the session. */
  const serial = <T>(f: () => Promise<T> | T): Promise<T> => {
    const next = queue.then(f, f);
    queue = next.catch(() => undefined);
    return next;
  };
  const routes = apiRoutes(o);
  const lang = o.session.run.lang;
  /**
   * The run's language for the refusals' messages, with the place names of the plan served (null:
   * English, as the refusals are written).
   */
  const refusalLocale = () => (lang === 'en' ? null : o.session.run.locale());
  const no = (res: ServerResponse, r: Refusal) => refuse(res, r, refusalLocale());
  /** The page's file in the run's language: app.js → app.az.js (build/web-bundle.ts writes both); CSS is one. */
  const inLanguage = (name: string) =>
    lang === 'en' || name.endsWith('.css') ? name : name.replace(/\.(html|js)$/, `.${lang}.$1`);

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => fail(res, e, o.session, refusalLocale()));
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    secure(res);
    const refused = checkHost(req, port);
    if (refused) return no(res, refused);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!tokenMatches(url.searchParams.get('token'), token))
        return no(res, refusal(401, 'bad-token', said('studio.refuse.bad_token')));
      res.writeHead(303, { Location: '/', 'Set-Cookie': tokenCookie(token) }).end();
      return;
    }
    if (!hasToken(req, token)) return no(res, refusal(401, 'no-token', said('studio.refuse.no_token')));
    if (req.method === 'GET') return get(url, res);
    if (req.method === 'POST') return post(req, url, res);
    res.setHeader('Allow', 'GET, POST');
    return no(res, refusal(405, 'method', said('studio.refuse.method', { method: printable(req.method ?? '') })));
  }

  async function get(url: URL, res: ServerResponse): Promise<void> {
    const path = url.pathname;
    if (path === '/' || path === '/index.html') return page(res);
    if (path in STATIC) return file(res, path);
    if (path === '/api/events') return events(res);
    const route = routes.get[path];
    if (!route) return no(res, refusal(404, 'not-found', said('studio.refuse.not_found')));
    const answer = await serial(() => route(url.searchParams));
    if (typeof answer === 'string') return send(res, 200, 'application/json; charset=utf-8', answer);
    json(res, 200, answer);
  }

  async function post(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
    const handler = routes.post[url.pathname];
    if (!handler) return no(res, refusal(404, 'not-found', said('studio.refuse.no_api')));
    const refused = checkPost(req, port);
    if (refused) {
      req.resume();
      return no(res, refused);
    }
    const body = await readBody(req);
    if (!Buffer.isBuffer(body)) return no(res, body);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return no(res, refusal(400, 'bad-json', said('studio.refuse.bad_json')));
    }
    json(res, 200, await serial(() => handler(parsed, o.session)));
  }

  function page(res: ServerResponse): void {
    const index = join(o.webDir, inLanguage('index.html'));
    const html = existsSync(index) ? readFileSync(index, 'utf8') : placeholderPage(o.session.plan.name);
    send(res, 200, 'text/html; charset=utf-8', html);
  }

  function file(res: ServerResponse, path: string): void {
    // Only the names in STATIC, joined to the web folder: no path from the request reaches the disk.
    const full = join(o.webDir, inLanguage(path.slice(1)));
    if (existsSync(full)) send(res, 200, STATIC[path]!, readFileSync(full));
    else no(res, refusal(404, 'not-built', said('studio.refuse.not_built', { path })));
  }

  function events(res: ServerResponse): void {
    if (streams.size >= MAX_EVENT_STREAMS) {
      no(res, refusal(503, 'too-many-streams', said('studio.refuse.streams')));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(`event: revision\ndata: ${JSON.stringify({ revision: o.session.revision })}\n\n`);
    streams.add(res);
    const stop = o.session.onChange((revision) => {
      res.write(`event: revision\ndata: ${JSON.stringify({ revision })}\n\n`);
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    ping.unref();
    res.on('close', () => {
      stop();
      clearInterval(ping);
      streams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? '[::1]' : '127.0.0.1'}:${port}/?token=${token}`,
    port,
    token,
    server,
    serial,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type GetRoute = (q: URLSearchParams) => Promise<unknown> | unknown;

/** The API: GET answers and POST edits (docs/serve.md). */
function apiRoutes(o: ServeOptions): {
  get: Record<string, GetRoute>;
  post: Record<string, PostHandler>;
} {
  const s = o.session;
  /** The state, with names and diagnostics in the run's language beside the English (local-answers.ts). */
  const state = () => localState(localeOf(s.context), s.state());
  const text = (a: Answer | Promise<Answer>) => Promise.resolve(a).then((x) => answerText(x, 'json'));
  return {
    get: {
      '/api/state': state,
      '/api/map': () => mapOf(s.run, s.context),
      '/api/summary': (q) => localSummary(localeOf(s.context), s.summary(yearParam(q) ?? s.plan.years.to)),
      '/api/coverage': (q) =>
        text(
          coverageAnswer(
            s.context,
            {
              year: yearParam(q) ?? s.plan.years.to,
              coveredBy: choiceParam(q, 'covered_by', ['distance', 'assignment', 'both'] as const, 'distance'),
              kind: choiceParam(q, 'kind', ['center', 'branch', 'any'] as const, 'any'),
              by: choiceParam(q, 'by', GROUPINGS, 'economic-region') as GroupBy,
            },
            o.about,
          ),
        ),
      '/api/distances': (q) =>
        text(
          distancesAnswer(
            s.context,
            {
              year: yearParam(q) ?? s.plan.years.to,
              by: choiceParam(q, 'by', GROUPINGS, 'economic-region') as GroupBy,
              worst: wholeParam(q, 'worst') ?? defaultWorst(s.context, 'json'),
            },
            o.about,
          ),
        ),
      '/api/timeline': () => text(timelineAnswer(s.context, o.about)),
      ...layerRoutes({
        context: () => s.context,
        about: o.about,
        year: (q) => yearParam(q) ?? s.plan.years.to,
        bad: badParam,
      }),
      '/api/capacity': (q) =>
        text(
          capacityAnswer(
            s.context,
            {
              year: yearParam(q) ?? s.plan.years.to,
              ...(q.has('catchment')
                ? { catchment: choiceParam(q, 'catchment', ['nearest', 'assignment'] as const, 'nearest') }
                : {}),
              method: 'auto',
            },
            o.about,
          ),
        ),
    },
    post: {
      '/api/edit': (body) => {
        s.edit(parseEditRequest(body));
        return state();
      },
      '/api/undo': () => {
        s.undo();
        return state();
      },
      '/api/redo': () => {
        s.redo();
        return state();
      },
      '/api/save': (body) => save(s, body),
      '/api/suggest': (body) => suggest(s, body),
    },
  };
}

function badParam(name: string, expected: Said): HttpError {
  return new HttpError(refusal(400, 'bad-query', said('studio.refuse.bad_query', { name, expected })));
}

/** ?year=YYYY, in the years any plan may have (a year outside the plan is answered as the CLI does). */
function yearParam(q: URLSearchParams): number | undefined {
  const v = q.get('year');
  if (v === null) return undefined;
  const n = /^\d{4}$/.test(v) ? Number(v) : NaN;
  if (!(n >= MIN_YEAR && n <= MAX_YEAR))
    throw badParam('year', said('studio.refuse.year', { from: MIN_YEAR, to: MAX_YEAR }));
  return n;
}

function choiceParam<T extends string>(q: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const v = q.get(name);
  if (v === null) return fallback;
  if (!(allowed as readonly string[]).includes(v))
    throw badParam(name, said('studio.refuse.one_of', { list: allowed.join(', ') }));
  return v as T;
}

function wholeParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null) return undefined;
  if (!/^\d{1,7}$/.test(v)) throw badParam(name, said('studio.refuse.whole'));
  return Number(v);
}

/** JSON for our own answers; <, > and & escaped, so no answer can be read as HTML whatever sniffs it. */
function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  send(res, status, 'application/json; charset=utf-8', body);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** A refusal's answer, its message in the run's language where it is a catalogue message (`L` null: English). */
function refuse(res: ServerResponse, r: Refusal, L: Locale | null = null): void {
  const message = L && r.said ? printable(L.say(r.said)) : r.message;
  json(res, r.status, { error: { code: r.code, message } });
}

/** An error's answer: a refusal as it is, a user's mistake as 400/422, anything else 500 without a stack. */
function fail(res: ServerResponse, e: unknown, session: Session, L: Locale | null): void {
  if (res.headersSent) res.destroy();
  else refuse(res, refusalOf(e, session), L);
}

function refusalOf(e: unknown, session: Session): Refusal {
  if (e instanceof HttpError) return e.r;
  // A refusal given as a catalogue message (said) is said again in the run's language; an input's
  // problem with its place in words (a workbook's cell).
  const s =
    e instanceof InputError && e.problemSaid
      ? said('where.at', { where: whereWords(e.where), problem: e.problemSaid })
      : (e as { said?: Said }).said;
  const again = s ? { said: s } : {};
  if (e instanceof EditError) return { status: e.status, code: e.code, message: e.message, ...again };
  if (e instanceof UserError) return { status: 422, code: 'refused', message: printable(e.message), ...again };
  session.run.message(
    session.run.say(said('note.serve.internal_error', { reason: printable(String((e as Error)?.message)) })),
  );
  if (process.env.DOSTPLAN_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
  return refusal(500, 'internal', said('studio.refuse.internal'));
}
