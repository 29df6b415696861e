import type { ChannelKind } from './channel-kind';
import { emailKind } from './email-kind';
import { githubIssueKind } from './github-issue-kind';
import { httpKind } from './http-kind';
import { statuspageKind } from './statuspage-kind';
import { jsonKind, slackKind } from './webhook-kinds';

// Every kind of channel, one line each. The contract (preload/contract/channel-methods.ts) has a
// variant per kind with the same name.
export const CHANNEL_KINDS: readonly ChannelKind<any>[] = [
  slackKind,
  jsonKind,
  emailKind,
  httpKind,
  githubIssueKind,
  statuspageKind,
];

export function kindOf(kind: string): ChannelKind<any> | undefined {
  return CHANNEL_KINDS.find((k) => k.kind === kind);
}
