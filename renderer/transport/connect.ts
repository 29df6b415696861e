import type { TrayageApi, TrayageBridge } from '../../preload/contract';
import { BRIDGE_KEY } from '../../preload/contract/api';
import { createApiClient } from './api-client';
import type { ConnectionState } from './connection-state';
import { takePageToken } from './page-token';
import { createWsBridge, rpcUrl } from './ws-bridge';

// Electron's preload puts a bridge on window; in a plain browser we talk to `trayage serve` instead.
export function connect(onState: (state: ConnectionState) => void): TrayageApi {
  const preloadBridge = (window as unknown as Record<string, TrayageBridge | undefined>)[BRIDGE_KEY];
  if (preloadBridge) {
    onState('open');
    return createApiClient(preloadBridge);
  }
  return createApiClient(createWsBridge(rpcUrl(window.location), takePageToken(), onState));
}
