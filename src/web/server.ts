/**
 * The server of `ic3a090 serve`: the JSON API of ./api.ts and the app, on
 * fastify. It binds to loopback unless told otherwise, limits every body,
 * opens no path a request names, writes nothing to disk, reads no
 * environment variable, and sends a strict Content-Security-Policy: the app
 * loads only its own script and style, and talks only to this server.
 */
import { readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import {
  API_ROUTES,
  type ApiRoute,
  ApiUsageError,
  BODY_LIMITS,
  routesAt,
  type ServerContext,
  usageErrorBody,
} from "./api.js";
import { openApiDocument } from "./openapi.js";
import { bundledDatasheets } from "./examples.js";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "x-frame-options": "DENY",
} as const;

/** The app's files, read once from the package at start (never a path from a request). */
const APP_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
};

function loadAppFiles(): Map<string, { body: Buffer; type: string }> {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const [path, { file, type }] of Object.entries(APP_FILES)) {
    try {
      files.set(path, { body: readFileSync(new URL(`./app/${file}`, import.meta.url)), type });
    } catch {
      // The app is built by `npm run build`; without it the API still works and / says so.
    }
  }
  return files;
}

function mediaType(request: FastifyRequest): string {
  return (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type("application/json; charset=utf-8").send(usageErrorBody(message));
}

/** Host names a loopback server answers to: anything else is a DNS-rebinding attempt from a web page. */
function isLoopbackHostHeader(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0]!;
  return name === "localhost" || name === "127.0.0.1" || name === "[::1]";
}

export interface ServerOptions {
  readonly context: ServerContext;
  /** Answer only Host headers that name loopback (set when bound to loopback). */
  readonly loopbackOnly?: boolean;
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const server = Fastify({
    logger: false,
    bodyLimit: BODY_LIMITS.json,
    forceCloseConnections: true,
    return503OnClosing: true,
  });
  const appFiles = loadAppFiles();
  const examples = bundledDatasheets();

  server.addHook("onRequest", async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    reply.header("cache-control", "no-store");
    if (options.loopbackOnly && !isLoopbackHostHeader(request.headers.host)) {
      return sendError(
        reply,
        421,
        `this server answers only for localhost, 127.0.0.1 or [::1], not "${request.headers.host ?? ""}"`,
      );
    }
  });

  server.removeAllContentTypeParsers();
  server.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));
  server.setErrorHandler((error: { statusCode?: number; message: string; code?: string }, _request, reply) => {
    if (error instanceof ApiUsageError) return sendError(reply, error.status, error.message);
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, 413, `the body is larger than this endpoint's limit`);
    if (status >= 400 && status < 500) return sendError(reply, status, error.message);
    process.stderr.write(`ic3a090 serve: ${error.code ?? "error"}: ${error.message}\n`);
    return sendError(reply, 500, "internal error (see the server's log)");
  });
  server.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0]!;
    const allowed = [
      ...routesAt(path).map((route) => route.method),
      ...(APP_FILES[path] || path === "/openapi.json" ? ["GET"] : []),
    ];
    if (allowed.length > 0)
      return sendError(
        reply.header("allow", [...new Set([...allowed, "HEAD"])].join(", ")),
        405,
        `${request.method} is not allowed on ${path}; use ${allowed.join(" or ")}`,
      );
    return sendError(reply, 404, `no such page or endpoint: ${path}`);
  });

  for (const route of API_ROUTES) registerRoute(server, route, options.context);

  const openApi = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
  server.get("/openapi.json", (_request, reply) => reply.type("application/json; charset=utf-8").send(openApi));
  const examplesJson = `${JSON.stringify(examples, null, 2)}\n`;
  server.get("/api/v1/examples", (_request, reply) => reply.type("application/json; charset=utf-8").send(examplesJson));
  for (const path of Object.keys(APP_FILES)) {
    server.get(path, (_request, reply) => {
      const file = appFiles.get(path);
      if (!file) return sendError(reply, 404, "the app is not built: run npm run build");
      return reply.type(file.type).send(file.body);
    });
  }
  return server;
}

function registerRoute(server: FastifyInstance, route: ApiRoute, context: ServerContext): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = Object.fromEntries(
      Object.entries(request.query as Record<string, unknown>).map(([key, value]) => [
        key,
        Array.isArray(value) ? String(value.at(-1)) : String(value),
      ]),
    );
    const response = await route.handle(
      {
        query,
        contentType: mediaType(request),
        accept: request.headers.accept ?? "",
        body: request.body as string | Readable | undefined,
      },
      context,
    );
    return reply.code(response.status).type(response.contentType).send(response.body);
  };
  if (route.body === "stream") {
    // Its own scope, so that only this route receives the raw body stream (limited by bytes as it arrives).
    server.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
      scope.route({ method: route.method, url: route.path, bodyLimit: route.bodyLimit ?? BODY_LIMITS.json, handler });
    });
    return;
  }
  server.route({
    method: route.method,
    url: route.path,
    ...(route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit }),
    handler,
  });
}
