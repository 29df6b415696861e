// Loaded with --require into third-party tools that phone home (update checks, translations):
// requests to anything but loopback fail at once instead of reaching out.
const http = require('node:http');
const https = require('node:https');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

for (const mod of [http, https]) {
  for (const name of ['request', 'get']) {
    const original = mod[name];
    mod[name] = function guarded(...args) {
      const target = args.find((a) => typeof a === 'string' || a instanceof URL || (a && typeof a === 'object'));
      const host = typeof target === 'string' || target instanceof URL ? new URL(String(target)).hostname : target?.hostname ?? target?.host;
      if (host && !LOOPBACK.has(String(host).replace(/:\d+$/, ''))) {
        throw Object.assign(new Error(`offline: request to ${host} blocked`), { code: 'ENETUNREACH' });
      }
      return original.apply(this, args);
    };
  }
}
