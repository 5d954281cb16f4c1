// Starts the real Corridor app under tauri-driver (which drives WebKitWebDriver) on a fresh,
// temporary workspace, and hands the test a WebdriverIO session. Needs a display: the test
// script runs it under Xvfb.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');

const app = process.env.CORRIDOR_APP ?? path.join(root, 'target/debug/corridor-app');
const driver = process.env.TAURI_DRIVER ?? path.join(root, 'target/tools/bin/tauri-driver');
const nativeDriver = process.env.NATIVE_DRIVER ?? '/usr/bin/WebKitWebDriver';

/** The example maps, parsed, as the test expects to find them in a new workspace. */
export function examples() {
  const dir = path.join(root, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.corridor.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')).map);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on port ${port} within ${ms} ms`);
}

/**
 * Launch the app. `workspace` is reused when given (to test a restart), else a new temp dir.
 * `args` go to the app's command line; `env` is added to its environment.
 * Returns { browser, workspace, stop }.
 */
export async function launch({ workspace, args = [], env = {} } = {}) {
  for (const [what, file] of [['the app', app], ['tauri-driver', driver], ['WebKitWebDriver', nativeDriver]]) {
    if (!existsSync(file)) throw new Error(`${what} is missing at ${file}: run scripts/test.sh, which builds and installs it`);
  }
  if (!process.env.DISPLAY) throw new Error('no DISPLAY: run the end-to-end tests under Xvfb (scripts/test.sh does)');
  const ws = workspace ?? mkdtempSync(path.join(tmpdir(), 'corridor-e2e-'));
  const port = await freePort();
  const nativePort = await freePort();
  const child = spawn(driver, ['--port', String(port), '--native-port', String(nativePort), '--native-driver', nativeDriver], {
    env: { ...process.env, ...env, CORRIDOR_WORKSPACE: ws },
    stdio: ['ignore', 'inherit', 'inherit'],
    // Its own process group, holding WebKitWebDriver, the app and the app's WebKit processes:
    // `stop` ends the whole group, so no orphan keeps the test runner's output pipe open.
    detached: true,
  });
  await waitForPort(port, 20000);
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    capabilities: {
      browserName: 'wry',
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: app, args },
    },
  });
  const stop = async ({ keepWorkspace = false } = {}) => {
    try {
      await browser.deleteSession();
    } finally {
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
      killGroup(child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      // Whatever is left of the group (an app whose session did not end cleanly) goes too.
      killGroup(child.pid, 'SIGKILL');
      await exited;
      if (!keepWorkspace && !workspace) rmSync(ws, { recursive: true, force: true });
    }
  };
  return { browser, workspace: ws, stop };
}

/** Signal every process of the group led by `pid`; a group already gone is fine. */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if (err.code !== 'ESRCH') throw err;
  }
}

/** `text` as an XPath string literal. */
function literal(text) {
  return text.includes('"') ? `concat("${text.split('"').join('", \'"\', "')}")` : `"${text}"`;
}

/** XPath for an element whose own text is exactly `text`. */
export function byText(text) {
  return `//*[normalize-space(text())=${literal(text)}]`;
}

/** XPath for the title of the touchpoint card named `title` on the board. */
export function cardTitle(title) {
  return `//article[@aria-label=${literal(title)}]//h3`;
}
