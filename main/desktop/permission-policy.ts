import { isAllowedNavigation } from './window-policy';

// What our windows use: desktop notifications, and writing to the clipboard (the comms panel's
// copy button). Camera, microphone, location, opening external apps and every other permission
// stay refused; external links go through the link policy instead.
const GRANTED = new Set(['notifications', 'clipboard-sanitized-write']);

// One answer for both of Electron's permission hooks (checks and requests), so they cannot disagree.
// A request from any page but ours, or one Electron cannot tie to a page, is refused.
export function isPermissionGranted(permission: string, requestingUrl: string | undefined, appEntryUrl: string): boolean {
  return GRANTED.has(permission) && requestingUrl !== undefined && isAllowedNavigation(requestingUrl, appEntryUrl);
}
