import type { Integration, IntegrationWithToken } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import { RpcFailure } from '../rpc/rpc-failure';
import { readListener, saveListener } from './intake-listener-settings';
import type { IntakeStore, IntegrationRow } from './intake-store';
import { hashToken, newToken } from './intake-tokens';

export const intakePath = (kind: string) => `/intake/${kind}`;

function toIntegration(row: IntegrationRow): Integration {
  return { name: row.name, kind: row.kind, path: intakePath(row.kind), createdAt: row.created_at, lastUsedAt: row.last_used_at };
}

export function registerIntakeHandlers(ctx: EngineContext, store: IntakeStore): void {
  const existing = (name: string): IntegrationRow => {
    const row = store.integration(name);
    if (!row) throw new RpcFailure('not_found', `There is no integration named '${name}'; list them with \`trayage integrations\`.`);
    return row;
  };
  const withToken = (row: IntegrationRow, token: string): IntegrationWithToken => ({ ...toIntegration(row), token });

  ctx.registry.handle('integrations.list', () => ({ integrations: store.integrations().map(toIntegration), listener: readListener(ctx.settings) }));
  ctx.registry.handle('integrations.add', ({ name, kind }) => {
    if (store.integration(name)) {
      const message = `An integration named '${name}' exists already; pick another name, or rotate its token.`;
      throw new RpcFailure('bad_request', message, [{ path: 'name', message }]);
    }
    const token = newToken();
    store.add(name, kind, hashToken(token), ctx.now());
    return withToken(existing(name), token);
  });
  ctx.registry.handle('integrations.rotate', ({ name }) => {
    existing(name);
    const token = newToken();
    store.setTokenHash(name, hashToken(token));
    return withToken(existing(name), token);
  });
  ctx.registry.handle('integrations.listen', (listener) => {
    saveListener(ctx.settings, listener);
    return readListener(ctx.settings);
  });
  ctx.registry.handle('integrations.delete', ({ name }) => {
    existing(name);
    return { deleted: store.delete(name) };
  });
}
