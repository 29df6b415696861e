import { enableNotifications } from './use-notices';
import { useNoticeStore } from './notice-store';

// Browsers ask for the permission only after a click, so the page offers it instead of asking on load.
export function EnableNotices() {
  const permission = useNoticeStore((s) => s.permission);
  if (permission === 'default') {
    return (
      <button type="button" className="enable-notices" onClick={() => void enableNotifications()} title="Show notices as system notifications while this page is open">
        Enable notifications
      </button>
    );
  }
  if (permission === 'denied') {
    return (
      <span className="muted small enable-notices" title="Allow notifications for this site in the browser to get them outside the page">
        Notices show in the page (notifications blocked)
      </span>
    );
  }
  return null;
}
