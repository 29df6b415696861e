// mvdan-sh is a GopherJS build, and loading it changes two process-wide settings: it sets
// Error.stackTraceLimit to Infinity (every error anywhere would then record its whole stack)
// and publishes `require` as a global. Both are put back as they were once it has loaded.
export function loadKeepingGlobals<T>(load: () => T): T {
  const stackTraceLimit = Error.stackTraceLimit;
  const hadGlobalRequire = Object.prototype.hasOwnProperty.call(globalThis, 'require');
  try {
    return load();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    if (!hadGlobalRequire) delete (globalThis as { require?: unknown }).require;
  }
}
