import type { SchemeChangePreview, SeverityLevel, SeverityScheme } from '../../../../preload/contract';
import { findLevel, sameLevel } from './severity-schemes';

/**
 * What choosing `scheme` means for the open incidents: nothing, as each keeps the level it was
 * rated with. The count of those the new scheme would rate differently lets a window say so
 * before the team confirms.
 */
export function schemeChangePreview(scheme: SeverityScheme, open: readonly { severity: string; level: SeverityLevel | null }[]): SchemeChangePreview {
  const other = open.filter((i) => !sameLevel(i.level, findLevel(scheme, i.severity))).length;
  const n = open.length;
  const incidents = n === 1 ? 'The open incident keeps' : `The ${n} open incidents keep`;
  const differ =
    other === 0 ? '' : ` (${other === n ? (n === 1 ? 'it' : 'all of them') : `${other} of them`} would be rated differently under "${scheme.name}")`;
  return {
    scheme,
    openIncidents: n,
    openWithOtherLevel: other,
    message:
      n === 0
        ? `No incident is open: "${scheme.name}" applies to incidents declared from now on.`
        : `"${scheme.name}" applies to new incidents only. ${incidents} the level ${n === 1 ? 'it was' : 'they were'} rated with${differ}.`,
  };
}
