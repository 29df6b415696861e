import type { ShellCommand } from '../../lib/shell/classify-command';

export interface RemoteTarget {
  /** As written: "root@heroforge.example.io", "db-1". */
  target: string;
  /** `ssh host` with no remote command: an interactive login the following steps run in. */
  login: boolean;
}

const SSH_VALUE_OPTIONS = new Set(['-b', '-B', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w']);
const REMOTE_PATH = /^((?:[\w.-]+@)?[\w.-]+):/;

function sshTarget(args: readonly string[]): RemoteTarget | null {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (SSH_VALUE_OPTIONS.has(arg)) {
      i += 1;
    } else if (!arg.startsWith('-')) {
      return { target: arg, login: i === args.length - 1 };
    }
  }
  return null;
}

/** The first remote machine the commands connect to (ssh, mosh, scp, rsync, sftp), or null. */
export function remoteTarget(commands: readonly ShellCommand[]): RemoteTarget | null {
  for (const { program, args } of commands) {
    if (program === 'ssh' || program === 'mosh') {
      const target = sshTarget(args);
      if (target) return target;
    } else if (program === 'scp' || program === 'rsync' || program === 'sftp') {
      for (const arg of args) {
        const m = REMOTE_PATH.exec(arg);
        if (m && !arg.startsWith('-')) return { target: m[1], login: false };
      }
      if (program === 'sftp') {
        const operand = args.find((a) => !a.startsWith('-'));
        if (operand) return { target: operand, login: true };
      }
    }
  }
  return null;
}
