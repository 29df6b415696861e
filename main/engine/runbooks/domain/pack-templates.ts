import type { CommAudience, CommTemplate, Pack, PostmortemTemplate } from '../../../../preload/contract';

// The audience is read from the template's own title, as the runbook names it.
function audienceOf(title: string): CommAudience {
  if (/status\s*page/i.test(title)) return 'status-page';
  if (/\bslack\b/i.test(title)) return 'slack';
  if (/customer|external|public|user[- ]facing/i.test(title)) return 'external';
  return 'internal';
}

/** A pack's communication templates as the Communication panel offers them. */
export function packCommTemplates(pack: Pack): CommTemplate[] {
  return pack.content.templates.flatMap((t, i) =>
    t.kind === 'communication'
      ? [{ id: `pack-${pack.id}-${i}`, name: t.title, audience: audienceOf(t.title), source: `Runbook pack "${pack.name}", line ${t.line}`, body: t.body }]
      : [],
  );
}

/** A pack's post-mortem templates as the post-mortem offers them, beside the built-in draft. */
export function packPostmortemTemplates(pack: Pack): PostmortemTemplate[] {
  return pack.content.templates.flatMap((t, i) =>
    t.kind === 'postmortem' ? [{ id: `pack-${pack.id}-${i}`, kind: 'postmortem' as const, name: t.title, source: `Runbook pack "${pack.name}", line ${t.line}`, body: t.body }] : [],
  );
}
