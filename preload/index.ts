import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type TrayageBridge } from './contract/api';

// The window's only way out: two functions that carry JSON envelopes. The shell and the engine
// validate every request; the renderer validates every reply and event.
const bridge: TrayageBridge = {
  async invoke(request) {
    const reply: unknown = await ipcRenderer.invoke(IPC_CALL_CHANNEL, JSON.stringify(request));
    return typeof reply === 'string' ? JSON.parse(reply) : reply;
  },
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, text: unknown) => {
      if (typeof text === 'string') listener(JSON.parse(text));
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
