import { describe, expect, test } from 'vitest';
import { OutputBatcher, type OutputBatch } from '../../main/engine/lib/ssh/output-batcher';
import { OutputCapture } from '../../main/engine/lib/ssh/output-capture';
import { defaultAgent } from '../../main/engine/lib/ssh/ssh-auth';

describe('OutputBatcher', () => {
  test('coalesces packets until the interval passes, keeping multi-byte characters whole', async () => {
    const batches: OutputBatch[] = [];
    const batcher = new OutputBatcher((b) => batches.push(b), { intervalMs: 30, maxBytes: 1024 });
    const text = Buffer.from('héllo ✓ wörld');
    // Split inside "✓" (3 bytes) and inside "é".
    batcher.push('stdout', text.subarray(0, 2));
    batcher.push('stdout', text.subarray(2, 9));
    batcher.push('stderr', Buffer.from('warn\n'));
    batcher.push('stdout', text.subarray(9));
    expect(batches).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(batches).toEqual([{ stdout: 'héllo ✓ wörld', stderr: 'warn\n', bytes: text.length + 5 }]);
  });

  test('flushes at maxBytes without waiting, and end() emits the rest', () => {
    const batches: OutputBatch[] = [];
    const batcher = new OutputBatcher((b) => batches.push(b), { intervalMs: 10_000, maxBytes: 10 });
    batcher.push('stdout', Buffer.from('0123456789ab'));
    expect(batches).toHaveLength(1);
    batcher.push('stdout', Buffer.from('tail'));
    batcher.end();
    expect(batches.map((b) => b.stdout)).toEqual(['0123456789ab', 'tail']);
  });
});

describe('OutputCapture', () => {
  test('keeps the beginning and the end within its budget', () => {
    const capture = new OutputCapture(5, 6);
    for (const chunk of ['abc', 'defgh', 'ijklm', 'nopqr', 'stuvwxyz']) capture.append(chunk);
    expect(capture.truncated).toBe(true);
    expect(capture.text()).toBe('abcde\n[… 15 characters omitted …]\nuvwxyz');
    const small = new OutputCapture(5, 6);
    small.append('short');
    small.append('er');
    expect(small.text()).toBe('shorter');
    expect(small.truncated).toBe(false);
  });
});

describe('defaultAgent', () => {
  test('SSH_AUTH_SOCK wins; Windows falls back to Pageant; elsewhere no agent', () => {
    expect(defaultAgent({ SSH_AUTH_SOCK: '/run/agent.sock' }, 'linux')).toBe('/run/agent.sock');
    expect(defaultAgent({ SSH_AUTH_SOCK: '\\\\.\\pipe\\openssh-ssh-agent' }, 'win32')).toBe('\\\\.\\pipe\\openssh-ssh-agent');
    expect(defaultAgent({}, 'win32')).toBe('pageant');
    expect(defaultAgent({}, 'darwin')).toBeUndefined();
  });
});
