export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span className={`badge sev-${severity.toLowerCase()}`} title="Severity">
      {severity}
    </span>
  );
}

// A pill: filled for an open incident, outlined once it is closed. `open` is unknown until the lifecycle has loaded.
export function StatusBadge({ status, name, open }: { status: string; name?: string; open?: boolean }) {
  return <span className={`status pill status-${status}${open === false ? ' closed' : ''}`}>{name ?? status}</span>;
}
