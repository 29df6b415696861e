import type { SourceKindName } from '../../../../preload/contract';
import { alertmanagerKind } from './alertmanager-kind';
import { githubActionsKind } from './github-actions-kind';
import type { SourceBase, SourceKind } from './source-kind';

// Every kind of alert source, one module each. Typed by the contract's list of kind names, so a kind
// named there without a module here (or the other way round) fails type-checking. The order is the
// order in which a config entry's keys are tried.
export const SOURCE_KINDS = {
  alertmanager: alertmanagerKind,
  'github-actions': githubActionsKind,
} satisfies { [K in SourceKindName]: SourceKind<SourceBase<K>> };

type Definition<T> = T extends SourceKind<infer D> ? D : never;

/** A source's definition, whichever its kind. */
export type SourceDefinition = Definition<(typeof SOURCE_KINDS)[SourceKindName]>;

export function sourceKind(name: SourceKindName): SourceKind<SourceDefinition> {
  return SOURCE_KINDS[name];
}
