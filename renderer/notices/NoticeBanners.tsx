import type { Notice } from '../../preload/contract';
import { navigate, routeToHash } from '../use-hash-route';
import { routeOfTarget } from './notice-route';
import { dismissAll, dismissBanner, useNoticeStore } from './notice-store';
import './notices.css';

// A page opened after a long outage may catch up on many notices; the newest are what matter.
const SHOWN_AT_MOST = 5;

// Notices shown in the page when system notifications are not allowed: each opens what it is about.
export function NoticeBanners() {
  const banners = useNoticeStore((s) => s.banners);
  if (banners.length === 0) return null;
  return (
    <section className="notice-banners" aria-label="Notices">
      {banners.length > SHOWN_AT_MOST && <p className="muted small">{banners.length - SHOWN_AT_MOST} older notices not shown</p>}
      {banners.slice(-SHOWN_AT_MOST).map((notice) => (
        <NoticeBanner key={notice.id} notice={notice} />
      ))}
      {banners.length > 1 && (
        <button type="button" className="notice-dismiss-all" onClick={dismissAll}>
          Dismiss all {banners.length} notices
        </button>
      )}
    </section>
  );
}

function NoticeBanner({ notice }: { notice: Notice }) {
  const route = routeOfTarget(notice.target);
  const open = () => {
    dismissBanner(notice.id);
    if (route) navigate(route);
  };
  return (
    <div role="alert" className={`notice-banner${notice.severity ? ` severity-${notice.severity.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : ''}`}>
      {route ? (
        <a
          href={routeToHash(route)}
          className="notice-open"
          onClick={(event) => {
            event.preventDefault();
            open();
          }}
        >
          <strong>{notice.title}</strong>
          <span className="notice-body">{notice.body}</span>
        </a>
      ) : (
        <span className="notice-open">
          <strong>{notice.title}</strong>
          <span className="notice-body">{notice.body}</span>
        </span>
      )}
      <button type="button" className="notice-dismiss" aria-label={`Dismiss notice: ${notice.title}`} onClick={() => dismissBanner(notice.id)}>
        ×
      </button>
    </div>
  );
}
