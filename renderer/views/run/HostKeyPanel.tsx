import type { HostKeyProblem } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { useMutation } from '../../store/use-mutation';
import { StatusLine } from '../StatusLine';

// The trust prompt for a host whose key is not on record, or the refusal
// for one whose key changed. A changed key is never accepted from here.
export function HostKeyPanel({ problem, onTrusted }: { problem: HostKeyProblem; onTrusted?: () => void }) {
  const api = useApi();
  const trusting = useMutation();

  if (problem.status !== 'unknown') {
    return (
      <section className="panel hostkey refused" role="alert" aria-label={`Host key of ${problem.alias}`}>
        <h2>Host key {problem.status === 'changed' ? 'CHANGED' : 'revoked'}: {problem.alias} — connection refused</h2>
        <p>
          The server now presents <code>{problem.keyType} {problem.fingerprint}</code>
          {problem.expected.length > 0 && (
            <>
              , but known_hosts has <code>{problem.expected.join(', ')}</code>
            </>
          )}
          .
        </p>
        <p>
          Someone may be intercepting the connection, or the server was reinstalled. Confirm the new key with the server's owner, then remove the old line
          from <code>{problem.recordedIn}</code>. Trayage will not replace it.
        </p>
      </section>
    );
  }

  const trust = async () => {
    const outcome = await trusting.run(
      () => api.call('hosts.trust', { alias: problem.alias, fingerprint: problem.fingerprint }),
      (reply) => ({ ok: reply.trusted, text: reply.message }),
    );
    if (outcome.ok && outcome.value.trusted) onTrusted?.();
  };

  return (
    <section className="panel hostkey" aria-label={`Host key of ${problem.alias}`}>
      <h2>Unknown host: {problem.alias}</h2>
      <p>Its {problem.keyType} key is not in known_hosts. The fingerprint it presents is:</p>
      <p className="fingerprint">
        <code>{problem.fingerprint}</code>
      </p>
      <p className="muted small">
        Compare it with the server's own (<code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> run there) before trusting it.
      </p>
      <StatusLine message={trusting.message} />
      {!trusting.message?.ok && (
        <button type="button" className="primary" disabled={trusting.busy} onClick={() => void trust()}>
          Trust {problem.fingerprint.slice(0, 18)}… for {problem.alias}
        </button>
      )}
    </section>
  );
}
