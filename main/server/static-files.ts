import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

// Same policy as the desktop window: only our own scripts and styles, and the WebSocket back to us.
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export function resolveStaticFile(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(rootDir, relative);
  if (!file.startsWith(path.resolve(rootDir) + path.sep)) return null;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

// The build names each script and style sheet by a hash of its content: a name stands for one
// content for ever, so the browser may keep it and skip loading and compiling it on the next visit.
// The page itself (index.html) is never kept, so a new build is picked up at once.
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(js|css)$/;
const KEEP_FOR_A_YEAR = 'public, max-age=31536000, immutable';

export function sendFile(res: http.ServerResponse, file: string, rootDir: string): void {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const relative = path.relative(rootDir, file).split(path.sep).join('/');
  const caching = HASHED_ASSET.test(relative) ? { 'Cache-Control': KEEP_FOR_A_YEAR } : {};
  res.writeHead(200, { 'Content-Type': type, ...SECURITY_HEADERS, ...caching });
  fs.createReadStream(file).pipe(res);
}
