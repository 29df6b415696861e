const { onCommand, record } = require('./recorder.cjs');

let requestHandler = null;
let checkHandler = null;

// The default session's security hooks. A page's permission request or check, played as a command,
// reaches whichever handler the shell set, and the answer is recorded.
const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      requestHandler = handler;
      record('session.setPermissionRequestHandler');
    },
    setPermissionCheckHandler(handler) {
      checkHandler = handler;
      record('session.setPermissionCheckHandler');
    },
    webRequest: { onHeadersReceived: () => record('session.onHeadersReceived') },
  },
};

onCommand('permission-request', ({ permission, requestingUrl }) => {
  if (!requestHandler) throw new Error('no permission request handler is set');
  requestHandler(null, permission, (granted) => record('permission.request', { permission, requestingUrl, granted }), { requestingUrl, isMainFrame: true });
});

onCommand('permission-check', ({ permission, requestingUrl }) => {
  if (!checkHandler) throw new Error('no permission check handler is set');
  const granted = checkHandler(null, permission, requestingUrl ? new URL(requestingUrl).origin : '', { requestingUrl, isMainFrame: true });
  record('permission.check', { permission, requestingUrl, granted });
});

module.exports = { session };
