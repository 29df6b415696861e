import { describe, expect, it } from 'vitest';
import { ResponseReader } from '../../main/engine/monitors/checks/http1/response-reader';

interface Read {
  status?: number;
  headers?: Map<string, string>;
  body: string;
  reusable?: boolean;
}

function reader(method = 'GET') {
  const read: Read = { body: '' };
  const r = new ResponseReader(method, {
    head: (head) => {
      read.status = head.status;
      read.headers = head.headers;
    },
    data: (chunk) => (read.body += chunk.toString('latin1')),
    end: (reusable) => (read.reusable = reusable),
  });
  return { r, read };
}

/** Feeds `text` whole, then byte by byte, then in 3-byte pieces: the outcome must not depend on how TCP split it. */
function readAllWays(text: string, method = 'GET', closeAtEnd = false): Read[] {
  const outcomes: Read[] = [];
  for (const size of [text.length, 1, 3]) {
    const { r, read } = reader(method);
    for (let i = 0; i < text.length; i += size) r.push(Buffer.from(text.slice(i, i + size), 'latin1'));
    if (closeAtEnd) r.closed();
    outcomes.push(read);
  }
  return outcomes;
}

function refusal(text: string, method = 'GET'): string {
  const { r } = reader(method);
  try {
    r.push(Buffer.from(text, 'latin1'));
    r.closed();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the response was read');
}

describe('reading HTTP/1.x responses', () => {
  it('reads a body by its content-length and keeps the connection', () => {
    for (const read of readAllWays('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{"status":"ok"}')) {
      expect(read).toMatchObject({ status: 200, body: '{"status":"ok"}', reusable: true });
      expect(read.headers?.get('content-type')).toBe('application/json');
    }
  });

  it('reads chunks with extensions and trailers', () => {
    const text = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=x\r\nhello\r\n7\r\n, world\r\n0\r\nX-Checksum: 1\r\n\r\n';
    for (const read of readAllWays(text)) expect(read).toMatchObject({ status: 200, body: 'hello, world', reusable: true });
  });

  it('skips 100 Continue and 103 Early Hints before the response', () => {
    const text = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\ndown';
    for (const read of readAllWays(text)) expect(read).toMatchObject({ status: 503, body: 'down', reusable: true });
  });

  it('reads no body after HEAD, 204 and 304 whatever content-length says', () => {
    for (const read of readAllWays('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n', 'HEAD')) expect(read).toMatchObject({ status: 200, body: '', reusable: true });
    for (const read of readAllWays('HTTP/1.1 204 No Content\r\n\r\n')) expect(read).toMatchObject({ status: 204, body: '', reusable: true });
    for (const read of readAllWays('HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n')) expect(read).toMatchObject({ status: 304, body: '', reusable: true });
  });

  it('reads a body without length until the server closes, and does not keep that connection', () => {
    for (const read of readAllWays('HTTP/1.1 200 OK\r\n\r\nall of it', 'GET', true)) expect(read).toMatchObject({ status: 200, body: 'all of it', reusable: false });
  });

  it('keeps a connection only when the server allows it', () => {
    expect(readAllWays('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')[0].reusable).toBe(false);
    expect(readAllWays('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n')[0].reusable).toBe(false);
    expect(readAllWays('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n')[0].reusable).toBe(true);
    // Bytes after the response: the connection is out of step.
    expect(readAllWays('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA')[0]).toMatchObject({ body: 'ok', reusable: false });
  });

  it('accepts lines ended by LF alone, folded headers and repeated headers', () => {
    for (const read of readAllWays('HTTP/1.1 200 OK\nVia: a\nVia: b\nX-Long: one\n two\nContent-Length: 2\n\nok')) {
      expect(read).toMatchObject({ status: 200, body: 'ok' });
      expect(read.headers?.get('via')).toBe('a, b');
      expect(read.headers?.get('x-long')).toBe('one two');
    }
  });

  it('says what is wrong with a response it cannot read', () => {
    expect(refusal('SSH-2.0-OpenSSH_9.2\r\n\r\n')).toBe("the status line 'SSH-2.0-OpenSSH_9.2' is not HTTP/1.x");
    expect(refusal('HTTP/1.1 200 OK\r\nbad header\r\n\r\n')).toBe("the header line 'bad header' is malformed");
    expect(refusal('HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello')).toBe("the content-length '5, 6' is not a number of bytes");
    expect(refusal('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n')).toBe("the content-length '-1' is not a number of bytes");
    expect(refusal('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n')).toBe("the transfer-encoding 'gzip' is not supported");
    expect(refusal('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')).toBe("the chunk size 'zz' is not hexadecimal");
    expect(refusal('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n')).toBe('a chunk is longer than its size says');
    expect(refusal('HTTP/1.1 101 Switching Protocols\r\n\r\n')).toBe('the server switched protocols, which a health check never asks for');
    expect(refusal(`HTTP/1.1 200 OK\r\nX-Big: ${'x'.repeat(70_000)}\r\n\r\n`)).toBe('the response headers are over 64 KB');
    expect(refusal(`HTTP/1.1 200 OK\r\nX-Big: ${'x'.repeat(70_000)}`)).toBe('the response headers are over 64 KB');
  });

  it('tells a response cut off before its end from one read to its close', () => {
    expect(refusal('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf')).toBe('the connection closed before the response was complete');
    expect(refusal('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel')).toBe('the connection closed before the response was complete');
  });
});
