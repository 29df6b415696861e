import { spawn } from 'node:child_process';

// xdg-open may run the browser itself and return only when it closes: an opener still running after
// this long is taken to have opened one, and a late failure is not reported.
const OPENER_GRACE_MS = 5_000;

/** Asks the OS to open the URL; resolves to null once a browser is on its way, or to why none could be. */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const [command, ...args] =
    platform === 'darwin' ? ['open', url] : platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url];
  if (platform !== 'darwin' && platform !== 'win32' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return Promise.resolve('there is no display (DISPLAY and WAYLAND_DISPLAY are unset)');
  }
  return new Promise((resolve) => {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true, env });
    const grace = setTimeout(() => resolve(null), OPENER_GRACE_MS).unref();
    opener.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(grace);
      resolve(err.code === 'ENOENT' ? `${command} is not installed` : `${command} failed to start (${err.message})`);
    });
    opener.once('exit', (code, signal) => {
      clearTimeout(grace);
      resolve(code === 0 ? null : `${command} ${signal ? `was stopped by ${signal}` : `exited with status ${code}`}`);
    });
    opener.unref();
  });
}
