/**
 * The rules every request to `dostplan serve` passes before it reaches the API (docs/serve.md,
 * "Security model"): the server listens on loopback only; the Host header must name loopback and
 * the server's port (a DNS-rebinding page reaches us under its own name and is refused); every
 * request but the token URL carries the session token (the HttpOnly, SameSite=Strict cookie the
 * token URL sets, or the X-Dostplan-Token header), compared in constant time; a POST is JSON
 * (a form cannot post it without a CORS preflight, which we never answer), from our own origin,
 * within a body limit. Every answer carries a Content Security Policy that forbids inline script
 * and style, and no CORS header is ever sent.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { amount, type Said, said, told } from '../model/said.js';

export const COOKIE = 'dostplan_token';
export const TOKEN_HEADER = 'x-dostplan-token';
/** The largest request body: an edit is a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** Headers on every answer, errors included. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** A fresh session token: 32 random bytes, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** The addresses `--host` may name: loopback only, by the names the Host check answers. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]';
}

/** The Host headers we answer: the loopback names with our port. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** A refusal: status, code, message (in English; `said`: the same as a catalogue message, for another language). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  said?: Said;
}

/** A refusal whose message is the catalogue's (its English text, and the message to say it again). */
export const refusal = (status: number, code: string, s: Said): Refusal => ({ status, code, ...told(s) });

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of one cookie, if the request carries it. */
export function cookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function checkHost(req: IncomingMessage, port: number): Refusal | undefined {
  const host = req.headers.host;
  if (host !== undefined && allowedHosts(port).has(host.toLowerCase())) return undefined;
  return refusal(421, 'wrong-host', said('studio.refuse.host', { port }));
}

/** Whether the request carries the session token (cookie or header). */
export function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers[TOKEN_HEADER];
  return sameToken(typeof header === 'string' ? header : undefined, token) || sameToken(cookie(req, COOKIE), token);
}

/** The token in `?token=` of the start URL, compared in constant time. */
export const tokenMatches = (given: string | null, token: string): boolean => sameToken(given ?? undefined, token);

/**
 * A POST must be JSON and come from our own page: a cross-site form or fetch is refused even if
 * the browser would send the cookie (SameSite=Strict already keeps it from doing so).
 */
export function checkPost(req: IncomingMessage, port: number): Refusal | undefined {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return refusal(415, 'not-json', said('studio.refuse.not_json'));
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase()))
    return refusal(403, 'cross-origin', said('studio.refuse.other_origin'));
  if (req.headers['sec-fetch-site'] === 'cross-site')
    return refusal(403, 'cross-origin', said('studio.refuse.other_site'));
  return undefined;
}

const allowedOrigins = (port: number) => new Set([...allowedHosts(port)].map((h) => `http://${h}`));

/** The cookie the token URL sets: not readable by script, never sent by another site. */
export function tokenCookie(token: string): string {
  return `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Reads a request body up to MAX_BODY_BYTES; more is a 413 (the rest is not read). */
export function readBody(req: IncomingMessage): Promise<Buffer | Refusal> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      resolve(tooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        resolve(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
      done = true;
    });
    req.on('error', () => {
      if (!done) resolve(refusal(400, 'bad-body', said('studio.refuse.bad_body')));
      done = true;
    });
  });
}

const tooLarge = (): Refusal =>
  refusal(413, 'too-large', said('studio.refuse.too_large', { kb: amount(MAX_BODY_BYTES / 1024) }));

/** Sets the security headers on an answer. */
export function secure(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}
