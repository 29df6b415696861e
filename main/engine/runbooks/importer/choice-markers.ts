// What a heading, label, comment or introducing sentence says about the commands under it:
// one of several ways ("On Heroku", "AWS ECS", "Option B: Hotfix"), another way to do what the
// commands before it do ("Or scale down and up", "Alternatively"), a case ("If container
// stopped"), or something done only when needed ("Rebuild frontend (if needed)").

export type ChoiceMarker =
  | { kind: 'option'; label: string }
  | { kind: 'or'; label: string | null }
  | { kind: 'case'; label: string }
  /** `label` is null when the text around the condition names no action ("Traefik should auto-renew. If not"). */
  | { kind: 'optional'; label: string | null; condition: string };

/** Where software runs: a section or comment named only by one of these offers a way among others. */
const PLATFORMS = [
  'heroku', 'vercel', 'netlify', 'aws', 'amazon', 'ecs', 'eks', 'ec2', 'fargate', 'lambda', 'rds', 'aurora', 'gcp', 'google cloud', 'gke',
  'cloud run', 'app engine', 'cloud sql', 'azure', 'aks', 'kubernetes', 'k8s', 'openshift', 'docker', 'docker compose', 'compose', 'swarm',
  'podman', 'nomad', 'systemd', 'supervisor', 'supervisord', 'pm2', 'fly', 'fly.io', 'render', 'railway', 'digitalocean', 'linode',
  'hetzner', 'bare metal', 'vm', 'vms', 'ansible', 'terraform', 'helm', 'argo cd', 'argocd', 'cloudflare', 'github pages', 'github actions',
  'firebase', 'dokku', 'capistrano', 'upstart', 'windows', 'linux', 'macos', 'ubuntu', 'debian', 'centos', 'rhel', 'nginx', 'apache',
  'traefik', 'haproxy', 'caddy', 'postgres', 'postgresql', 'mysql', 'redis', 'mongodb', 'kafka', 'rabbitmq', 'elasticsearch',
];
const PLATFORM = new RegExp(`^(?:${PLATFORMS.map((p) => p.replace('.', '\\.')).join('|')})\\b`, 'i');

const OR = /^(?:or|alternatively|otherwise|alternative(?:ly)?|or else|or instead)\b[\s,:;.–—-]*(.*)$/i;
const NUMBERED_OPTION = /^(?:option|method|approach|variant|way|choice|path)\s*(?:\d+|[A-Z]|[ivx]+)?\s*(?:[:.)–—-]\s*(.*))?$/i;
const ON_PLATFORM = /^(?:on|using|via|with|for|in|from|through)\s+(.{1,40}?)[\s:.]*$/i;
const IF_PLATFORM = /^if\s+(?:you(?:'re| are)?\s+)?(?:use|using|run(?:ning)?\s+(?:on|in)|deploy(?:ed|ing)?\s+(?:to|on|with)|on|hosted\s+on)\s+(.{1,40}?)[\s:.]*$/i;
const OPTIONAL =
  /\(?\b(?:if\s+(?:needed|necessary|required|applicable|appropriate|desired)|when\s+(?:needed|necessary)|as\s+needed|optional(?:ly)?|if\s+(?:still|that|this|it)\s+(?:fails|failing|persists|doesn't\s+work|does\s+not\s+work)|if\s+(?:the\s+)?(?:problem|issue)\s+persists|if\s+not(?:\s+(?:resolved|fixed))?)\b\)?/i;
const CASE = /^(if|in\s+case(?:\s+of)?)\s+(.+?)[\s:.]*$/i;
/** "Check if the container is running" asks a question; it states no condition. */
const QUESTION = /\b(?:check|verify|see|test|confirm|determine|find\s+out|ensure|validate|inspect|ask|look|whether)\s+(?:\w+\s+)?(?:if|whether)\b/i;
const TRAILING_CONDITION = /^(.+?)\s+(if|unless)\s+(.{3,})$/i;

/**
 * A platform name: "Heroku", "AWS ECS", "Docker Compose", "Kubernetes (Helm)", not "Docker cleanup".
 * After "On"/"Using" the words that follow may be any ("On systemd hosts").
 */
function isPlatformName(text: string, afterPreposition = false): boolean {
  if (PLATFORMS.includes(text.toLowerCase())) return true;
  if (!PLATFORM.test(text)) return false;
  const words = text.replace(/\s*\([^)]*\)\s*$/, '').split(/[\s/]+/);
  return words.length <= 3 && (afterPreposition || words.every((w) => /^(?:[A-Z0-9][\w.-]*|k8s|fly\.io)$/.test(w)));
}

function capitalized(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

function clean(text: string): string {
  return text.replace(/^[\s,:;.–—-]+|[\s,:;.–—-]+$/g, '').trim();
}

/** What `text` (already stripped of numbering) marks the commands under it as, or null for plain steps. */
export function choiceMarker(text: string): ChoiceMarker | null {
  const title = text.trim();
  if (!title) return null;
  const numbered = NUMBERED_OPTION.exec(title);
  if (numbered) return { kind: 'option', label: clean(numbered[1] ?? '') || title };
  const or = OR.exec(title);
  if (or) return { kind: 'or', label: clean(or[1]) ? capitalized(clean(or[1])) : null };
  const ifPlatform = IF_PLATFORM.exec(title);
  if (ifPlatform) return { kind: 'option', label: clean(ifPlatform[1]) };
  const on = ON_PLATFORM.exec(title);
  if (on && isPlatformName(clean(on[1]), true)) return { kind: 'option', label: clean(on[1]) };
  if (isPlatformName(title.replace(/[:.]$/, ''))) return { kind: 'option', label: title.replace(/[:.]$/, '') };
  const optional = OPTIONAL.exec(title);
  if (optional) {
    const before = title.slice(0, optional.index).trim();
    const after = clean(title.slice(optional.index + optional[0].length));
    // "Rebuild frontend (if needed)", "If still failing, force renewal"; a sentence before the condition is no action.
    const label = after || (/[.!?:]$/.test(before) ? '' : clean(before));
    return { kind: 'optional', label: label || null, condition: clean(optional[0].replace(/[()]/g, '')).toLowerCase() };
  }
  if (QUESTION.test(title)) return null;
  const when = CASE.exec(title);
  if (when) return { kind: 'case', label: `${when[1].toLowerCase()} ${clean(when[2])}` };
  const trailing = TRAILING_CONDITION.exec(title);
  if (trailing) return { kind: 'optional', label: clean(trailing[1]), condition: `${trailing[2].toLowerCase()} ${clean(trailing[3])}` };
  return null;
}
