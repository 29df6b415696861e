import { CheckFailure } from '../error-classify';

export interface ResponseHead {
  status: number;
  /** Header names in lower case; a repeated header's values joined with ", " (set-cookie is not read). */
  headers: Map<string, string>;
}

export interface ResponseSink {
  head(head: ResponseHead): void;
  data(chunk: Buffer): void;
  /** The whole response has been read; `reusable` says whether the connection may carry another. */
  end(reusable: boolean): void;
}

const MAX_HEAD_BYTES = 64 * 1024;
const MAX_CHUNK_LINE = 4 * 1024;
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: .*)?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close' | 'done';

function protocolError(message: string): CheckFailure {
  return new CheckFailure('protocol', message);
}

/** Where the head ends (after its blank line), or -1; servers may end lines with LF alone. */
function headEnd(buffer: Buffer): number {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf < 0) return lf < 0 ? -1 : lf + 2;
  return lf >= 0 && lf < crlf ? lf + 2 : crlf + 4;
}

function parseHead(text: string): { version: 0 | 1; head: ResponseHead } {
  const lines = text.split(/\r?\n/);
  const statusLine = STATUS_LINE.exec(lines[0]);
  if (!statusLine) throw protocolError(`the status line '${lines[0].slice(0, 80)}' is not HTTP/1.x`);
  const headers = new Map<string, string>();
  let last = '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      // An obsolete folded line continues the header before it.
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).toLowerCase() : '';
    if (!TOKEN.test(name)) throw protocolError(`the header line '${line.slice(0, 80)}' is malformed`);
    const value = line.slice(colon + 1).trim();
    const before = headers.get(name);
    headers.set(name, before === undefined ? value : `${before}, ${value}`);
    last = name;
  }
  return { version: statusLine[1] === '1' ? 1 : 0, head: { status: Number(statusLine[2]), headers } };
}

/**
 * Reads one HTTP/1.x response from the bytes of a connection, as they arrive: the head, then the
 * body by content-length, chunks or until the server closes. 1xx heads before the response are
 * skipped. What it cannot read is a `protocol` failure that says what was wrong.
 */
export class ResponseReader {
  private state: State = 'head';
  private pending: Buffer | null = null;
  private remaining = 0;
  private keepAlive = false;
  private reported = false;

  constructor(
    private readonly method: string,
    private readonly sink: ResponseSink,
  ) {}

  /** Feeds bytes from the connection; throws a CheckFailure for a response it cannot read. */
  push(bytes: Buffer): void {
    let input = this.pending ? Buffer.concat([this.pending, bytes]) : bytes;
    this.pending = null;
    while (input.length > 0 && this.state !== 'done') {
      const used = this.step(input);
      if (used < 0) {
        this.pending = input;
        return;
      }
      input = input.subarray(used);
    }
    // Bytes after a complete response mean the connection is out of step: it is not used again.
    if (this.state === 'done') this.report(this.keepAlive && input.length === 0);
  }

  /** The server closed the connection: the end of a body read until close, else a cut-off response. */
  closed(): void {
    if (this.state === 'until-close') {
      this.state = 'done';
      return this.report(false);
    }
    if (this.state !== 'done') throw Object.assign(new Error('the connection closed before the response was complete'), { code: 'ECONNRESET' });
  }

  private finish(): void {
    this.state = 'done';
  }

  private report(reusable: boolean): void {
    if (this.reported) return;
    this.reported = true;
    this.sink.end(reusable);
  }

  /** Handles the start of `input`; returns the bytes used, or -1 when more are needed. */
  private step(input: Buffer): number {
    switch (this.state) {
      case 'head':
        return this.readHead(input);
      case 'length':
        return this.forward(input, 'done');
      case 'until-close':
        this.sink.data(input);
        return input.length;
      case 'chunk-size':
        return this.readChunkSize(input);
      case 'chunk-data':
        return this.forward(input, 'chunk-end');
      case 'chunk-end':
        return this.readLineEnd(input, 'chunk-size');
      case 'trailers':
        return this.readTrailer(input);
      default:
        return input.length;
    }
  }

  /** Passes on up to `remaining` body bytes; once they are all through, moves to `next`. */
  private forward(input: Buffer, next: State): number {
    const take = Math.min(this.remaining, input.length);
    this.sink.data(input.subarray(0, take));
    this.remaining -= take;
    if (this.remaining === 0) this.state = next;
    return take;
  }

  private readHead(input: Buffer): number {
    const end = headEnd(input);
    if (end < 0) {
      if (input.length > MAX_HEAD_BYTES) throw protocolError(`the response headers are over ${MAX_HEAD_BYTES / 1024} KB`);
      return -1;
    }
    if (end > MAX_HEAD_BYTES) throw protocolError(`the response headers are over ${MAX_HEAD_BYTES / 1024} KB`);
    const { version, head } = parseHead(input.toString('latin1', 0, end).trimEnd());
    const { status, headers } = head;
    if (status < 200) {
      if (status === 101) throw protocolError('the server switched protocols, which a health check never asks for');
      return end; // 100 Continue, 103 Early Hints: the response follows.
    }
    const connection = headers.get('connection')?.toLowerCase() ?? '';
    this.keepAlive = version === 1 ? !/\bclose\b/.test(connection) : /\bkeep-alive\b/.test(connection);
    this.sink.head(head);
    if (this.method === 'HEAD' || status === 204 || status === 304) {
      this.finish();
      return end;
    }
    const encoding = headers.get('transfer-encoding');
    if (encoding !== undefined) {
      if (!/(?:^|,)\s*chunked\s*$/i.test(encoding)) throw protocolError(`the transfer-encoding '${encoding}' is not supported`);
      this.state = 'chunk-size';
      return end;
    }
    const length = headers.get('content-length');
    if (length !== undefined) {
      const values = new Set(length.split(',').map((v) => v.trim()));
      const [only] = values;
      if (values.size !== 1 || !/^\d{1,15}$/.test(only)) throw protocolError(`the content-length '${length.slice(0, 40)}' is not a number of bytes`);
      this.remaining = Number(only);
      if (this.remaining === 0) this.finish();
      else this.state = 'length';
      return end;
    }
    this.keepAlive = false;
    this.state = 'until-close';
    return end;
  }

  private readChunkSize(input: Buffer): number {
    const newline = input.indexOf('\n');
    if (newline < 0) {
      if (input.length > MAX_CHUNK_LINE) throw protocolError('a chunk size line is too long');
      return -1;
    }
    const line = input.toString('latin1', 0, newline).replace(/\r$/, '');
    const size = /^([0-9a-fA-F]{1,12})[ \t]*(?:;.*)?$/.exec(line);
    if (!size) throw protocolError(`the chunk size '${line.slice(0, 40)}' is not hexadecimal`);
    this.remaining = parseInt(size[1], 16);
    this.state = this.remaining === 0 ? 'trailers' : 'chunk-data';
    return newline + 1;
  }

  private readLineEnd(input: Buffer, next: State): number {
    if (input[0] === 0x0a) {
      this.state = next;
      return 1;
    }
    if (input[0] !== 0x0d) throw protocolError('a chunk is longer than its size says');
    if (input.length < 2) return -1;
    if (input[1] !== 0x0a) throw protocolError('a chunk is longer than its size says');
    this.state = next;
    return 2;
  }

  private readTrailer(input: Buffer): number {
    const newline = input.indexOf('\n');
    if (newline < 0) {
      if (input.length > MAX_HEAD_BYTES) throw protocolError(`the response trailers are over ${MAX_HEAD_BYTES / 1024} KB`);
      return -1;
    }
    const empty = newline === 0 || (newline === 1 && input[0] === 0x0d);
    if (empty) this.finish();
    return newline + 1;
  }
}
