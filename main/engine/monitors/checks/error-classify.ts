import type { ErrorKind } from '../domain/check-types';

export interface ClassifiedError {
  errorKind: ErrorKind;
  error: string;
}

/** Raised by checkers for failures they detect themselves (deadline, body limit, redirects). */
export class CheckFailure extends Error {
  constructor(
    readonly errorKind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'CheckFailure';
  }
}

const TLS_HINT = 'fix the certificate, or set verify-tls: false on the monitor to accept it';

/** Turns a Node network or TLS error into words an on-call engineer understands, on one line. */
export function classifyError(err: unknown, host: string, port: number): ClassifiedError {
  const { errorKind, error } = classify(err, host, port);
  return { errorKind, error: error.replace(/\s*\n\s*/g, ' ').trim() };
}

function classify(err: unknown, host: string, port: number): ClassifiedError {
  if (err instanceof CheckFailure) return { errorKind: err.errorKind, error: err.message };
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = e?.code ?? '';
  const where = `${host}:${port}`;
  switch (code) {
    case 'ENOTFOUND':
      return { errorKind: 'dns', error: `DNS lookup failed: no address found for ${host}` };
    case 'EAI_AGAIN':
      return { errorKind: 'dns', error: `DNS lookup failed for ${host}: the DNS server did not answer (temporary failure)` };
    case 'ECONNREFUSED':
      return { errorKind: 'refused', error: `connection refused by ${where}: nothing is listening on that port` };
    case 'ECONNRESET':
    case 'EPIPE':
      return { errorKind: 'reset', error: `connection to ${where} was reset before the response was complete` };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
      return { errorKind: 'unreachable', error: `${where} is unreachable from this machine (${code})` };
    case 'ETIMEDOUT':
      return { errorKind: 'timeout', error: `connection to ${where} timed out` };
    case 'CERT_HAS_EXPIRED':
      return { errorKind: 'tls-expired', error: `TLS certificate of ${host} has expired; ${TLS_HINT}` };
    case 'CERT_NOT_YET_VALID':
      return { errorKind: 'tls-not-yet-valid', error: `TLS certificate of ${host} is not valid yet (check this machine's clock); ${TLS_HINT}` };
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return { errorKind: 'tls-self-signed', error: `TLS certificate of ${host} is self-signed; ${TLS_HINT}, or give its CA in ca-file` };
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return { errorKind: 'tls-hostname', error: `TLS certificate does not match the host name ${host}: ${e.reason ?? e.message}` };
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return { errorKind: 'tls-untrusted', error: `TLS certificate of ${host} is issued by an authority this machine does not trust; ${TLS_HINT}, or give the CA in ca-file` };
  }
  if (code.startsWith('ERR_SSL') || code === 'EPROTO' || code.startsWith('ERR_TLS') || /certificate|CERT_/i.test(code)) {
    return { errorKind: 'tls', error: `TLS handshake with ${where} failed: ${tlsReason(e)}` };
  }
  if (code.startsWith('HPE_') || code === 'ERR_INVALID_URL') {
    return { errorKind: 'protocol', error: `${where} sent an invalid HTTP response (${e.message})` };
  }
  return { errorKind: 'internal', error: `check of ${where} failed: ${e?.message ?? String(err)}` };
}

/**
 * OpenSSL's reason in plain words. Its raw text (`write EPROTO 80AC…:error:0A00010B:SSL
 * routines:ssl3_get_record:wrong version number:../deps/openssl/…:350:`) names source files, not
 * what to do.
 */
function tlsReason(e: NodeJS.ErrnoException & { reason?: string }): string {
  const reason = (e.reason ?? OPENSSL_REASON.exec(e.message ?? '')?.[1] ?? '').toLowerCase();
  for (const [pattern, words] of TLS_REASONS) if (pattern.test(reason)) return words;
  if (reason) return `the TLS library says '${reason}'`;
  return e.message ?? String(e);
}

// `…:function:reason:file.c:line:` at the end of an OpenSSL error.
const OPENSSL_REASON = /:([^:]+):[^:]*\.c:\d+:\s*$/;

const TLS_REASONS: [RegExp, string][] = [
  [/wrong version number|packet length too long|http request|record layer failure/, 'the server did not answer in TLS: is it plain HTTP? use http:// or the TLS port'],
  [/unsupported protocol|protocol version|no protocols available|version too low/, 'the server and this machine have no TLS version in common (the server may offer only TLS 1.0 or 1.1)'],
  [/certificate required/, 'the server asks for a client certificate, which monitors do not send'],
  [/no shared cipher|handshake failure|insufficient security/, 'the server refused the handshake: no cipher in common, or it wants a client certificate'],
  [/unrecognized name/, 'the server does not serve this host name (SNI); check the host in the URL'],
  [/key too small|too weak|ca md too weak/, "the server's key or certificate uses weak cryptography this machine refuses"],
  [/internal error/, 'the server reported an internal TLS error'],
  [/unexpected eof/, 'the server closed the connection during the handshake'],
];