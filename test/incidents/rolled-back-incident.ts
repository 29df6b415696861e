const MIN = 60_000;

type Ok = (method: string, params?: unknown) => Promise<any>;

/**
 * A P1 told the usual way: declared, cause found after 5 min, rolled back 10 min later, resolved
 * after 30 min of watching. `advance` moves the test's clock by the given milliseconds.
 */
export async function rolledBackIncident(ok: Ok, advance: (ms: number) => void, declare: Record<string, unknown> = {}): Promise<number> {
  const { id } = await ok('incidents.declare', { title: 'Checkout 502', severity: 'P1', ...declare });
  advance(5 * MIN);
  await ok('incidents.setStatus', { id, status: 'identified', note: 'Cause: the 1.4.2 release dropped the gateway timeout' });
  advance(10 * MIN);
  await ok('incidents.setStatus', { id, status: 'monitoring', note: 'Rolled back to v1.4.1' });
  advance(30 * MIN);
  await ok('incidents.setStatus', { id, status: 'resolved' });
  return id;
}
