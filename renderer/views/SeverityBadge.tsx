export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge sev-${severity.toLowerCase()}`}>{severity}</span>;
}

export function StatusBadge({ status, name }: { status: string; name?: string }) {
  return <span className={`status status-${status}`}>{name ?? status}</span>;
}
