import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServeProcess, startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

function withoutDisplay(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

async function waitForOutput(serve: ServeProcess, text: string): Promise<void> {
  for (let waited = 0; !serve.output().includes(text); waited += 50) {
    if (waited > 10_000) throw new Error(`serve never printed '${text}':\n${serve.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(process.platform === 'darwin' || process.platform === 'win32')('serve --open when no browser can be opened', () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it('says there is no display and prints the URL to open by hand', async () => {
    const serve = await startServe(dir, ['--open'], { env: withoutDisplay() });
    try {
      const hint = `Could not open a browser: there is no display (DISPLAY and WAYLAND_DISPLAY are unset). Open ${serve.url} by hand.`;
      await waitForOutput(serve, hint);
      expect(serve.output().split('\n').filter((line) => line.startsWith('Could not open'))).toEqual([hint]);
    } finally {
      await serve.stop();
    }
  });

  it('says so when the opener fails', async () => {
    const bin = tempDir();
    fs.writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const serve = await startServe(dir, ['--open'], { env: { ...withoutDisplay(), DISPLAY: ':99', PATH: `${bin}:${process.env.PATH}` } });
    try {
      await waitForOutput(serve, `Could not open a browser: xdg-open exited with status 3. Open ${serve.url} by hand.`);
    } finally {
      await serve.stop();
      removeDir(bin);
    }
  });
});
