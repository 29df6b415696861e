// mvdan-sh is a GopherJS build, and loading it changes two process-wide settings: it sets
// Error.stackTraceLimit to Infinity (every error anywhere would then record its whole stack)
// and publishes `require` as a global. shell-parser.ts imports this module just before
// mvdan-sh, so the values seen here are the ones to put back once it has loaded.
const stackTraceLimit = Error.stackTraceLimit;
const hadGlobalRequire = Object.prototype.hasOwnProperty.call(globalThis, 'require');

export function restoreProcessGlobals(): void {
  Error.stackTraceLimit = stackTraceLimit;
  if (!hadGlobalRequire) delete (globalThis as { require?: unknown }).require;
}
