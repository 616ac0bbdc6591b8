// A tiny static file server for the end-to-end tests: serves www/ on 127.0.0.1 (free port),
// .wasm as application/wasm, nothing outside the root. Also runnable by hand:
//   node tests/e2e/server.mjs [port]

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const WWW_ROOT = join(REPO_ROOT, "www");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
};

/**
 * Starts the server; resolves to { url, port, close() } once it answers a request. `cache`:
 * answer as a real host should (`Cache-Control: no-cache` with an ETag, 304 when it still
 * matches), so that the browser keeps the module and its compiled code between visits.
 */
export async function startServer({ root = WWW_ROOT, port = 0, host = "127.0.0.1", cache = false } = {}) {
  const rootDir = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith("/")) path += "index.html";
      const file = normalize(join(rootDir, path));
      if (file !== rootDir && !file.startsWith(rootDir + sep)) throw Object.assign(new Error("outside"), { code: "ENOENT" });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error("not a file"), { code: "ENOENT" });
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      if (cache && req.headers["if-none-match"] === etag) {
        res.writeHead(304, { ETag: etag, "Cache-Control": "no-cache" });
        return res.end();
      }
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Content-Length": info.size,
        "Cache-Control": cache ? "no-cache" : "no-store",
        ...(cache ? { ETag: etag } : {}),
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    } catch (error) {
      const status = error.code === "ENOENT" || error.code === "ENOTDIR" ? 404 : error instanceof URIError ? 400 : 500;
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(String(status));
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const { port: actualPort } = server.address();
  const base = `http://${host}:${actualPort}/`;
  const alive = await fetch(base).then((r) => r.status, (e) => e);
  if (alive !== 200) {
    server.close();
    throw new Error(`the static server at ${base} does not answer (${alive})`);
  }
  return {
    url: base,
    port: actualPort,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.argv[2] ?? 8080) });
  console.log(`serving ${WWW_ROOT} at ${url}`);
}
