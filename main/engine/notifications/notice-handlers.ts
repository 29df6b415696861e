import type { RpcRegistry } from '../rpc/rpc-registry';
import type { Notifier } from './notifier';

/** The Notices list, and what browser pages use to catch up on notices raised while none was open and to say they showed one. */
export function registerNoticeHandlers(registry: RpcRegistry, notifier: Notifier): void {
  registry.handle('notifications.pending', () => notifier.browserPending());
  registry.handle('notifications.list', ({ limit, notShown, search }) => notifier.history(limit, { notShown, search }));
  registry.handle('notifications.acknowledge', ({ ids }) => ({ acknowledged: notifier.acknowledge(ids) }));
}
