import { type EventPayload, events } from '../../../preload/contract';
import type { Engine } from '../../engine/engine';
import { call } from '../engine-call';
import { terminalText } from '../terminal-text';

type PassphraseRequest = EventPayload<'runs.passphrase-needed'>;

/**
 * Answers the engine's passphrase requests for encrypted keys on the terminal, without echo.
 * Off a terminal the key is skipped at once (the connection error then suggests ssh-agent)
 * rather than left waiting for a window that is not there. Returns the unsubscribe function.
 */
export function answerPassphrases(engine: Engine, report: (line: string) => void): () => void {
  return engine.onEvent(({ event, payload }) => {
    if (event !== 'runs.passphrase-needed') return;
    const request = events['runs.passphrase-needed'].parse(payload);
    askOnTerminal(request)
      .then((passphrase) => call(engine, 'runs.answerPassphrase', { requestId: request.requestId, passphrase }))
      .catch((err: Error) => report(`Could not pass on the passphrase for ${request.keyPath}: ${err.message}`));
  });
}

function askOnTerminal({ alias, keyPath, attempt }: PassphraseRequest): Promise<string | null> {
  const input = process.stdin;
  if (!input.isTTY || !process.stderr.isTTY) return Promise.resolve(null);
  return new Promise((resolve) => {
    // The key path and alias come from an SSH config: written to the terminal raw, they could act on it.
    process.stderr.write(terminalText(`${attempt > 1 ? 'Wrong passphrase. ' : ''}Passphrase for ${keyPath} (${alias}; empty to skip): `));
    let typed = '';
    const done = (value: string | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(typed || null);
        if (ch === '\u0003') return done(null);
        typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
