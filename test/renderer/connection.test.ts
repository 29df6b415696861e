import { describe, expect, it } from 'vitest';
import { onReconnect, setConnection, useConnection } from '../../renderer/store/connection';

describe('connection', () => {
  it('announces a reconnect only when the link comes back after being lost', () => {
    let reconnects = 0;
    const off = onReconnect(() => reconnects++);

    setConnection('connecting');
    setConnection('open');
    expect(reconnects).toBe(0);

    setConnection('closed');
    setConnection('connecting');
    setConnection('closed');
    setConnection('connecting');
    expect(useConnection.getState().state).toBe('connecting');
    setConnection('open');
    expect(reconnects).toBe(1);

    setConnection('open');
    expect(reconnects).toBe(1);
    off();
  });
});
