import type { ReactNode } from 'react';
import { safeExternalUrl } from '../../main/shared/link-policy';

// Links from data (alerts, runbooks, contacts) are live only for https, http, mailto and tel;
// anything else is shown as text, so a data: or file: URL can never be followed.
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const safe = safeExternalUrl(href);
  if (!safe) {
    return (
      <span className="unsafe-link" title={`Not opened: only https, http, mailto and tel links are followed (${href.slice(0, 200)})`}>
        {children}
      </span>
    );
  }
  return (
    <a href={safe} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}
