// End-to-end test of the extension in a real VS Code: code-server (VS Code in
// the browser) with our .vsix installed, driven by headless Chromium through
// playwright-core. Opens the seed as a user would and checks what a user sees:
// the PM BRON warning in the Problems panel, the footnote's text on hovering a
// marker, and go to definition landing on the footnote.
//
// Which server the extension starts depends on E2E_MODE:
//   setting   the universal .vsix (no server inside), dossier.server.path names
//             DOSSIER_LSP_BIN (the default)
//   bundled   the .vsix for this platform, with the server inside; dossier.server.path
//             unset and no dossier-lsp on PATH: the extension must start its own
//             server (made executable if the install lost the x bit). At the end the
//             setting names DOSSIER_LSP_BIN, and that one runs instead.
//   missing   the universal .vsix, no setting, no dossier-lsp on PATH: the status
//             bar and a notification say so, its button opens the setting; then
//             dossier-lsp appears on PATH, and "Dossier: Restart server" starts it.
// In bundled and missing mode code-server runs with VSCODE_CLI=1, which keeps VS Code's
// server from taking PATH from a login shell that could put a dossier-lsp back on it.
//
// Run by editors/test/run-all.sh, which installs the tools. Environment:
//   DOSSIER_LSP_BIN   the server binary (required; in bundled mode the one inside
//                     the .vsix should be a copy of it)
//   VSIX              the packaged extension (default: ../dossier-lsp.vsix)
//   E2E_MODE          setting (default), bundled or missing; see above
//   E2E_TOOLS         folder whose node_modules hold code-server and playwright-core
//   CHROMIUM          browser binary (default /usr/bin/chromium)
//   SEED              the dossier to open (default: seeds/000_0dbf1fc7ba84b8b6.txt)
//   ARTIFACTS         where screenshots and logs go (default: ../test-artifacts)
//   E2E_HARNESS_ONLY  =1: check only that the extension activates and shows a state
//   E2E_KEEP          =1: keep the scratch folder
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const extRoot = path.resolve(here, "..");
const repoRoot = path.resolve(extRoot, "../..");

const serverBin = process.env.DOSSIER_LSP_BIN && path.resolve(process.env.DOSSIER_LSP_BIN);
const vsix = path.resolve(process.env.VSIX || path.join(extRoot, "dossier-lsp.vsix"));
const toolsDir = process.env.E2E_TOOLS;
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const seed = path.resolve(process.env.SEED || path.join(repoRoot, "seeds/000_0dbf1fc7ba84b8b6.txt"));
const artifacts = path.resolve(process.env.ARTIFACTS || path.join(extRoot, "test-artifacts"));
const harnessOnly = process.env.E2E_HARNESS_ONLY === "1";
const mode = process.env.E2E_MODE || "setting";
if (!["setting", "bundled", "missing"].includes(mode)) {
  console.error(`e2e: E2E_MODE must be setting, bundled or missing, not ${mode}`);
  process.exit(2);
}

function die(msg) {
  console.error(`e2e: ${msg}`);
  process.exit(2);
}
if (!serverBin || !fs.existsSync(serverBin)) die(`DOSSIER_LSP_BIN not set or missing: ${serverBin}`);
if (!fs.existsSync(vsix)) die(`no .vsix at ${vsix}; run npm run package`);
if (!toolsDir) die("E2E_TOOLS not set");
const codeServer = path.join(toolsDir, "node_modules/.bin/code-server");
if (!fs.existsSync(codeServer)) die(`no code-server in ${toolsDir}`);
const { chromium } = createRequire(path.join(toolsDir, "package.json"))("playwright-core");

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[vscode ${mode} ${elapsed()}] ${msg}`);

// --- scratch space: code-server's config, data, extensions, tmp and the workspace
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-e2e-vscode-"));
const dirs = {
  config: path.join(scratch, "config"),
  data: path.join(scratch, "data"),
  tmp: path.join(scratch, "tmp"),
  userData: path.join(scratch, "user-data"),
  extensions: path.join(scratch, "extensions"),
  workspace: path.join(scratch, "workspace"),
  profile: path.join(scratch, "chromium-profile"),
  bin: path.join(scratch, "bin"), // first on code-server's PATH
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });

const seedName = path.basename(seed);
fs.copyFileSync(seed, path.join(dirs.workspace, seedName));
// for the attach rule: a dossier under another name, and a .txt outside `dossier.files`
fs.copyFileSync(seed, path.join(dirs.workspace, "dossier-as-notes.md"));
fs.writeFileSync(path.join(dirs.workspace, "boodschappen.txt"), "melk\nbrood\n");
fs.mkdirSync(path.join(dirs.userData, "User"), { recursive: true });
const userSettings = path.join(dirs.userData, "User", "settings.json");
fs.writeFileSync(
  userSettings,
  JSON.stringify(
    {
      "dossier.trace.server": "messages",
      // The server speaks Dutch whatever language the editor shows.
      "dossier.language": "nl",
      "workbench.startupEditor": "none",
      "workbench.tips.enabled": false,
      "workbench.welcomePage.walkthroughs.openOnInstall": false,
      "workbench.enableExperiments": false,
      "telemetry.telemetryLevel": "off",
      "update.mode": "none",
      "extensions.autoCheckUpdates": false,
      "extensions.autoUpdate": false,
      "extensions.ignoreRecommendations": true,
      "security.workspace.trust.enabled": false,
      "editor.hover.delay": 200,
      "editor.minimap.enabled": false,
      "window.restoreWindows": "none",
      "chat.disableAIFeatures": true,
    },
    null,
    2,
  ),
);

// In bundled and missing mode no dossier-lsp on PATH: leave out every folder that has
// one, and give node (which code-server's launcher needs) a folder of its own.
let editorPath = process.env.PATH || "";
if (mode !== "setting") {
  fs.symlinkSync(process.execPath, path.join(dirs.bin, "node"));
  editorPath = [dirs.bin, ...editorPath.split(path.delimiter).filter((d) => d && !fs.existsSync(path.join(d, "dossier-lsp")))].join(path.delimiter);
}
// dossier.server.path is a machine setting: code-server (a remote window) reads it from
// the remote settings, not from the user settings
const machineSettings = path.join(dirs.userData, "Machine", "settings.json");
if (mode === "setting") {
  fs.mkdirSync(path.dirname(machineSettings), { recursive: true });
  fs.writeFileSync(machineSettings, JSON.stringify({ "dossier.server.path": serverBin }, null, 2));
}
const env = {
  ...process.env,
  PATH: editorPath,
  // VS Code's server would take PATH from a login shell (whose profile may add
  // ~/.cargo/bin); VSCODE_CLI=1 keeps the environment given here
  ...(mode === "setting" ? {} : { VSCODE_CLI: "1" }),
  XDG_CONFIG_HOME: dirs.config,
  XDG_DATA_HOME: dirs.data,
  TMPDIR: dirs.tmp,
  // Nothing to fetch from: no gallery, no update checks.
  EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: "http://127.0.0.1:9/" }),
};

let serverProc;
let context;
/** The binary the extension should be running now (its realpath): DOSSIER_LSP_BIN, or
 * in bundled mode the copy inside the installed extension. */
let expectedServer = fs.realpathSync(serverBin);
const results = [];
let failed = false;

function record(name, ok, detail = "") {
  results.push({ name, ok, detail });
  if (!ok) failed = true;
  log(`${ok ? "PASS" : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, ms) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    if (serverProc.exitCode !== null) throw new Error(`code-server exited with ${serverProc.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in ${ms} ms: ${last}`);
}

function killServer() {
  if (!serverProc || serverProc.exitCode !== null) return;
  try {
    process.kill(-serverProc.pid, "SIGTERM"); // the whole process group: code-server, its extension host, our server
  } catch {
    // gone
  }
}

async function cleanup() {
  try {
    await context?.close();
  } catch {
    // ignore
  }
  killServer();
  await new Promise((r) => setTimeout(r, 500));
  try {
    if (serverProc) process.kill(-serverProc.pid, "SIGKILL");
  } catch {
    // gone
  }
  if (process.env.E2E_PIDFILE) fs.writeFileSync(process.env.E2E_PIDFILE, ""); // nothing left to kill
  // keep the logs of code-server and the extension host (with our output channel)
  try {
    fs.cpSync(path.join(dirs.userData, "logs"), path.join(artifacts, "code-server-logs"), { recursive: true });
  } catch {
    // none
  }
  if (process.env.E2E_KEEP !== "1") fs.rmSync(scratch, { recursive: true, force: true });
  else log(`scratch kept in ${scratch}`);
}

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

async function shot(page, name) {
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  log(`screenshot ${path.relative(repoRoot, file)}`);
}

/** The screen position of character `index` of the first text node in the
 * editor that contains `needle`, scrolled into view. */
async function charBox(page, needle, index) {
  return page.evaluate(
    ({ needle, index }) => {
      const lines = document.querySelectorAll(".monaco-editor .view-lines .view-line");
      for (const line of lines) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let text = "";
        const nodes = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push([n, text.length]);
          text += n.data;
        }
        // Monaco renders spaces as non-breaking spaces
        const at = text.replace(/\u00a0/g, " ").indexOf(needle);
        if (at < 0) continue;
        const target = at + index;
        for (const [n, start] of nodes) {
          if (target >= start && target < start + n.data.length) {
            const range = document.createRange();
            range.setStart(n, target - start);
            range.setEnd(n, target - start + 1);
            const r = range.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height };
          }
        }
      }
      return null;
    },
    { needle, index },
  );
}

async function statusBarText(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll(".statusbar-item"))
      .map((e) => (e.textContent || "").trim())
      .filter(Boolean),
  );
}

async function waitFor(fn, ms, what) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

async function gotoLine(page, line, column) {
  await page.keyboard.press("Control+g");
  await page.waitForSelector(".quick-input-widget:not([style*='display: none']) input", { timeout: 10000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
}

async function main() {
  log(`server ${serverBin}`);
  log(`installing ${path.relative(repoRoot, vsix)}`);
  const inst = spawnSync(
    codeServer,
    ["--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions, "--install-extension", vsix],
    { env, encoding: "utf8", timeout: 120000 },
  );
  fs.writeFileSync(path.join(artifacts, "install-extension.log"), `${inst.stdout}\n${inst.stderr}`);
  if (inst.status !== 0) throw new Error(`--install-extension failed (${inst.status}): ${inst.stderr}`);
  record("the .vsix installs into code-server", /successfully installed/i.test(inst.stdout + inst.stderr), inst.stdout.trim().split("\n").pop());
  const installed = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith("dossier-lsp.dossier-lsp-"));
  const inside = installed.map((d) => path.join(dirs.extensions, d, "server", "dossier-lsp")).filter((f) => fs.existsSync(f));
  // The translations travel in the .vsix (l10n/ and package.nls*.json; see .vscodeignore).
  // English is what this code-server shows: the command titles the test runs below come
  // from package.nls.json, and a VS Code in Dutch takes the *.nl.json files.
  const l10nFiles = ["package.nls.json", "package.nls.nl.json", "l10n/bundle.l10n.nl.json"];
  const l10nMissing = installed.length === 1 ? l10nFiles.filter((f) => !fs.existsSync(path.join(dirs.extensions, installed[0], f))) : l10nFiles;
  record("the .vsix holds the translations (Dutch and English)", l10nMissing.length === 0, l10nMissing.length ? `missing: ${l10nMissing.join(", ")}` : l10nFiles.join(", "));
  if (mode === "bundled") {
    const stat = inside.length === 1 ? fs.statSync(inside[0]) : undefined;
    const same = stat !== undefined && stat.size === fs.statSync(serverBin).size;
    record(
      "the platform .vsix installs with the server inside, executable",
      same && (stat.mode & 0o111) === 0o111,
      stat ? `${path.relative(dirs.extensions, inside[0])}: ${(stat.size / 1e6).toFixed(1)} MB, mode ${(stat.mode & 0o777).toString(8)}` : `installed: ${installed.join(", ")}`,
    );
    if (stat) {
      expectedServer = fs.realpathSync(inside[0]);
      // An unpacker that drops the mode (or a package made on Windows) leaves the
      // server without the x bit: the extension must set it itself.
      fs.chmodSync(inside[0], 0o644);
    }
  } else {
    record("the universal .vsix has no server inside", installed.length === 1 && inside.length === 0, `installed: ${installed.join(", ")}`);
  }
  if (mode !== "setting") {
    const which = spawnSync("sh", ["-c", "command -v dossier-lsp"], { env, encoding: "utf8" });
    const unset = !fs.readFileSync(userSettings, "utf8").includes("dossier.server.path") && !fs.existsSync(machineSettings);
    record("dossier-lsp is not on the editor's PATH and dossier.server.path is unset", which.status !== 0 && unset, which.stdout.trim() || "command -v finds none");
  }

  const port = await freePort();
  const csLog = fs.openSync(path.join(artifacts, "code-server.log"), "w");
  serverProc = spawn(
    codeServer,
    [
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--auth",
      "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--user-data-dir",
      dirs.userData,
      "--extensions-dir",
      dirs.extensions,
      dirs.workspace,
    ],
    { env, detached: true, stdio: ["ignore", csLog, csLog] }, // detached: own session and process group (setsid)
  );
  if (process.env.E2E_PIDFILE) fs.writeFileSync(process.env.E2E_PIDFILE, `${serverProc.pid}\n`);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/healthz`, 60000);
  log(`code-server up on ${base}`);

  context = await chromium.launchPersistentContext(dirs.profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(30000);
  await page.goto(`${base}/?folder=${encodeURIComponent(dirs.workspace)}`);
  await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  await page.waitForSelector(".statusbar", { timeout: 60000 });
  await page.waitForTimeout(1500); // let the workbench settle before typing
  log("workbench loaded");

  // --- open the seed as a user would: Quick Open, type the name, Enter
  await page.locator(".monaco-workbench").click({ position: { x: 700, y: 400 } });
  await page.keyboard.press("Control+p");
  await page.waitForSelector(".quick-input-widget input", { timeout: 15000 });
  await page.keyboard.type(seedName);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${seedName}"]`, { timeout: 15000 });
  await page.keyboard.press("Enter");
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${seedName}"]`, { timeout: 15000 });
  await page.waitForSelector(".monaco-editor .view-lines .view-line", { timeout: 15000 });
  log(`opened ${seedName}`);

  // --- the extension activates and the status bar shows the server's state
  let items = [];
  try {
    await waitFor(
      async () => {
        items = await statusBarText(page);
        return items.some((t) => /Dossier: (ready|crashed|failed|stopped|not found)/.test(t));
      },
      harnessOnly ? 30000 : 45000,
      "the Dossier status bar item",
    );
  } catch {
    // recorded below
  }
  const dossierItem = items.find((t) => t.startsWith("Dossier:")) || "";
  record("the extension activates and shows the server's state in the status bar", dossierItem !== "", dossierItem || `status bar: ${items.join(" | ")}`);
  const langMode = items.find((t) => t === "Dossier");
  record("a .txt dossier opens in language mode Dossier", Boolean(langMode), `status bar: ${items.join(" | ")}`);
  await shot(page, "01-opened");
  if (harnessOnly) return;
  if (mode === "missing") {
    await noServer(page, dossierItem);
    return;
  }
  record("the server is running", dossierItem === "Dossier: ready", dossierItem);
  if (mode === "bundled") {
    const started = lastStart();
    const exe = serverPids().length === 1;
    const mod = fs.statSync(expectedServer).mode & 0o777;
    record(
      "it is the server inside the extension, made executable again",
      started.includes(`starting ${expectedServer} `) && started.includes("(the server inside the extension)") && exe && (mod & 0o111) === 0o111 && madeExecutable(),
      `${started.replace(/^.*\] /, "")}; mode ${mod.toString(8)}`,
    );
  }

  // --- Problems panel: the PM BRON warning
  try {
    await page.keyboard.press("Control+Shift+m");
    const row = await waitFor(
      async () =>
        page.evaluate(() => {
          const rows = Array.from(document.querySelectorAll(".markers-panel .monaco-list-row"));
          const hit = rows.find((r) => /PM BRON/.test(r.textContent || "") || /PM BRON/.test(r.getAttribute("aria-label") || ""));
          if (!hit) return null;
          const warning = hit.querySelector(".codicon-warning, .codicon-warning-filled, [class*='warning']") !== null;
          return { text: (hit.getAttribute("aria-label") || hit.textContent || "").trim(), warning };
        }),
      30000,
      "a PM BRON row in the Problems panel",
    );
    record("Problems panel shows the PM BRON warning", row.warning, row.text);
  } catch (e) {
    const rows = await page.evaluate(() =>
      Array.from(document.querySelectorAll(".markers-panel .monaco-list-row")).map((r) => r.getAttribute("aria-label") || r.textContent),
    );
    record("Problems panel shows the PM BRON warning", false, `${e.message}; rows: ${JSON.stringify(rows.slice(0, 20))}`);
  }
  await shot(page, "02-problems");
  await page.keyboard.press("Control+Shift+m"); // hide the panel again (toggle)

  // --- hover on the marker 7 of `is.»7` (line 49): move the mouse onto it
  const seedLines = fs.readFileSync(seed, "utf8").split(/\r?\n|\r/);
  const markerLine = seedLines.findIndex((l) => l.includes("is.»7")) + 1;
  const markerCol = seedLines[markerLine - 1].indexOf("is.»7") + "is.»".length + 1;
  const defLine = seedLines.findIndex((l) => l.startsWith("7 Idem, blz. 12.")) + 1;
  await page.locator(".monaco-editor .view-lines").first().click();
  await gotoLine(page, markerLine, markerCol);
  try {
    const box = await waitFor(() => charBox(page, "is.»7", 4), 10000, "the marker on screen");
    await page.mouse.move(box.x - 30, box.y + 40);
    await page.mouse.move(box.x, box.y, { steps: 5 });
    const hover = await waitFor(
      async () =>
        page.evaluate(() => {
          const h = Array.from(document.querySelectorAll(".monaco-hover:not(.hidden) .hover-row")).map((e) => e.textContent || "");
          const text = h.join(" ").trim();
          return text ? text : null;
        }),
      15000,
      "a hover",
    ).catch(() => "");
    await page.waitForTimeout(600); // let the hover finish fading in
    await shot(page, "03-hover");
    record("hover on footnote marker 7 shows the footnote's text", /Idem, blz\. 12/.test(hover), hover.slice(0, 200) || "no hover");
  } catch (e) {
    await shot(page, "03-hover");
    record("hover on footnote marker 7 shows the footnote's text", false, e.message);
  }

  // --- go to definition from the marker: click on it, F12
  try {
    await page.keyboard.press("Escape");
    const box = await waitFor(() => charBox(page, "is.»7", 4), 10000, "the marker on screen");
    await page.mouse.click(box.x, box.y);
    await page.waitForTimeout(300);
    const before = (await statusBarText(page)).find((t) => /^Ln \d+, Col \d+/.test(t));
    await page.keyboard.press("F12");
    const after = await waitFor(
      async () => {
        const pos = (await statusBarText(page)).find((t) => /^Ln \d+, Col \d+/.test(t));
        return pos && pos !== before ? pos : null;
      },
      15000,
      "the cursor to move",
    );
    const onLine = new RegExp(`^Ln ${defLine}, `).test(after);
    // The status bar can move before the editor has scrolled and drawn the
    // line: give the footnote line a moment to appear. (Without its final
    // period: the inlay hint with the resolved citation stands before it.)
    const visible = await waitFor(async () => (await charBox(page, "7 Idem, blz. 12", 0)) !== null || null, 5000, "the footnote line on screen")
      .then(() => true)
      .catch(() => false);
    await shot(page, "04-definition");
    record(`go to definition from marker 7 lands on the footnote line ${defLine} (\`7 Idem, blz. 12.\`)`, onLine && visible, `from ${before} to ${after}`);
  } catch (e) {
    await shot(page, "04-definition");
    record(`go to definition from marker 7 lands on the footnote line ${defLine}`, false, e.message);
  }

  // --- the restart command, from the command palette
  try {
    await runCommand(page, "Dossier: Restart server");
    // the server log gets a second "starting" line, and the state comes back to ready
    const restarted = await waitFor(
      async () => {
        const item = (await statusBarText(page)).find((t) => t.startsWith("Dossier:"));
        return item === "Dossier: ready" && countStarts() >= 2 ? item : null;
      },
      20000,
      "the server to restart",
    );
    await shot(page, "05-restarted");
    record("Dossier: Restart server restarts it", Boolean(restarted), `${countStarts()} starts in the log; status ${restarted}`);
  } catch (e) {
    await shot(page, "05-restarted");
    record("Dossier: Restart server restarts it", false, e.message);
  }

  // --- the server dies: the extension starts it again
  try {
    const pids = serverPids();
    if (pids.length !== 1) throw new Error(`expected one server process, found ${pids.length}`);
    process.kill(pids[0], "SIGKILL");
    const back = await waitFor(
      async () => {
        const now = serverPids();
        const item = (await statusBarText(page)).find((t) => t.startsWith("Dossier:"));
        return now.length === 1 && now[0] !== pids[0] && item === "Dossier: ready" ? `pid ${pids[0]} -> ${now[0]}` : null;
      },
      20000,
      "a new server process",
    );
    record("a killed server is started again", true, back);
  } catch (e) {
    record("a killed server is started again", false, e.message);
  }

  // --- type a source over footnote 14's PM BRON (en dash included, then append to
  // the line): the warning goes and the hover on marker 14 shows the text as typed
  try {
    const pmLine = seedLines.findIndex((l) => l.startsWith("14 PM BRON")) + 1;
    await page.keyboard.press("Escape");
    await gotoLine(page, pmLine, 4);
    await page.keyboard.press("Shift+End");
    await page.keyboard.type("Kamerstukken II, 2020–2021, 22 112, nr. 2955");
    await page.keyboard.press("End");
    await page.keyboard.type(", blz. 7.");
    const typed = "Kamerstukken II, 2020–2021, 22 112, nr. 2955, blz. 7.";
    const m14 = seedLines.findIndex((l) => l.includes("gezonden.14")) + 1;
    await gotoLine(page, m14, seedLines[m14 - 1].indexOf("gezonden.14") + "gezonden.".length + 1);
    const box = await waitFor(() => charBox(page, "gezonden.14", 9), 10000, "marker 14 on screen");
    await page.mouse.move(box.x - 30, box.y + 40);
    await page.mouse.move(box.x, box.y, { steps: 5 });
    const hover = await waitFor(
      async () =>
        page.evaluate((typed) => {
          const text = Array.from(document.querySelectorAll(".monaco-hover:not(.hidden) .hover-row"))
            .map((e) => e.textContent || "")
            .join(" ");
          return text.includes("Voetnoot 14") && text.includes(typed) ? text : null;
        }, typed),
      15000,
      "a hover on marker 14 with the typed text",
    ).catch(() => null);
    await page.waitForTimeout(600);
    await shot(page, "06-edited");
    await showProblems(page);
    const pmRows = await waitFor(
      () =>
        page.evaluate(() => {
          const rows = Array.from(document.querySelectorAll(".markers-panel .monaco-list-row"));
          const n = rows.filter((r) => /PM BRON/.test(r.getAttribute("aria-label") || "")).length;
          return rows.length > 0 && n === 0 ? "0" : null; // other findings listed, PM BRON not
        }),
      10000,
      "PM BRON to leave the Problems panel",
    ).catch(() => "still there");
    record("after typing a source over PM BRON the hover on marker 14 shows it as typed, and the warning goes", Boolean(hover) && pmRows === "0",
      `${hover ? hover.slice(0, 120) : "no hover with the typed text"}; PM BRON rows: ${pmRows}`);
  } catch (e) {
    await shot(page, "06-edited");
    record("after typing a source over PM BRON the hover on marker 14 shows it as typed, and the warning goes", false, e.message);
  }

  await attachRule(page);
  if (mode === "bundled") await settingWins(page);
}

/** Missing mode: no server anywhere. The status bar says so, a notification offers to
 * open the setting; once dossier-lsp is on PATH, "Dossier: Restart server" starts it. */
async function noServer(page, dossierItem) {
  record("without a server the status bar shows Dossier: not found", dossierItem === "Dossier: not found", dossierItem);
  try {
    const toast = await waitFor(
      () =>
        page.evaluate(() => {
          for (const t of document.querySelectorAll(".notifications-toasts .notification-toast")) {
            const text = (t.querySelector(".notification-list-item-message")?.textContent || "").trim();
            const buttons = Array.from(t.querySelectorAll(".notification-list-item-buttons-container .monaco-button")).map((b) => (b.textContent || "").trim());
            if (/no language server found/.test(text)) return { text, buttons };
          }
          return null;
        }),
      15000,
      "the notification that no server was found",
    );
    await shot(page, "02-no-server");
    record("a notification says no server was found, with a button to open the settings", toast.buttons.includes("Open settings"), `${toast.text} [${toast.buttons.join("] [")}]`);
    await page.locator(".notifications-toasts .notification-toast .monaco-button", { hasText: "Open settings" }).first().click();
    const shown = await waitFor(
      () =>
        page.evaluate(() => {
          const editor = document.querySelector(".settings-editor");
          if (!editor || editor.getBoundingClientRect().height === 0) return null;
          const items = Array.from(editor.querySelectorAll(".setting-item-contents"))
            .map((e) => `${e.querySelector(".setting-item-category")?.textContent || ""}${e.querySelector(".setting-item-label")?.textContent || ""}`.trim())
            .filter(Boolean);
          return items.some((t) => /Dossier.*Server.*Path/i.test(t)) ? items : null;
        }),
      15000,
      "the settings editor with dossier.server.path",
    );
    await shot(page, "03-settings");
    record("the button opens the settings at dossier.server.path", true, shown.slice(0, 3).join(" | "));
  } catch (e) {
    await shot(page, "03-settings");
    record("a notification says no server was found, and its button opens the settings", false, e.message);
  }
  try {
    // the user installs the server: it appears on PATH; they restart it by hand
    fs.symlinkSync(serverBin, path.join(dirs.bin, "dossier-lsp"));
    await page.keyboard.press("Escape");
    await runCommand(page, "Dossier: Restart server");
    const ready = await waitFor(
      async () => ((await statusBarText(page)).includes("Dossier: ready") ? "Dossier: ready" : null),
      20000,
      "Dossier: ready",
    );
    const started = lastStart();
    await showProblems(page);
    const pm = await waitFor(
      () =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll(".markers-panel .monaco-list-row"))
            .map((r) => r.getAttribute("aria-label") || "")
            .find((t) => /PM BRON/.test(t)) || null,
        ),
      20000,
      "the PM BRON warning",
    );
    await shot(page, "04-on-path");
    record(
      "once dossier-lsp is on PATH, Dossier: Restart server starts it and the diagnostics come",
      started.includes(`starting ${path.join(dirs.bin, "dossier-lsp")} `) && started.includes("(dossier-lsp found on PATH)"),
      `${ready}; ${started.replace(/^.*\] /, "")}; ${pm}`,
    );
  } catch (e) {
    await shot(page, "04-on-path");
    record("once dossier-lsp is on PATH, Dossier: Restart server starts it and the diagnostics come", false, e.message);
  }
}

/** Bundled mode, last: dossier.server.path names another binary, and that one runs.
 * (Set in the remote settings, where a remote window such as code-server's reads
 * machine settings.) */
async function settingWins(page) {
  try {
    const other = path.join(scratch, "other", "dossier-lsp");
    fs.mkdirSync(path.dirname(other));
    fs.copyFileSync(serverBin, other);
    fs.chmodSync(other, 0o755);
    const starts = countStarts();
    await editRemoteSettings(page, (settings) => {
      settings["dossier.server.path"] = other;
    });
    await waitFor(
      async () => countStarts() > starts && (await statusBarText(page)).includes("Dossier: ready") && lastStart().includes(other) || null,
      20000,
      "the server that the setting names",
    );
    expectedServer = fs.realpathSync(other);
    const pids = serverPids();
    await shot(page, "10-setting-wins");
    record("dossier.server.path, once set, wins over the server inside the extension", pids.length === 1 && lastStart().includes("(named by dossier.server.path)"), lastStart().replace(/^.*\] /, ""));
  } catch (e) {
    await shot(page, "10-setting-wins");
    record("dossier.server.path, once set, wins over the server inside the extension", false, `${e.message}; last: ${lastStart()}`);
  }
}

/** Changes the user settings as a user would: in the settings JSON editor. */
async function editUserSettings(page, change) {
  await editSettings(page, userSettings, "Preferences: Open User Settings (JSON)", change);
}

/** The remote settings: in code-server (a remote window) machine settings such as
 * dossier.server.path are read only from these, not from the user settings. */
async function editRemoteSettings(page, change) {
  await editSettings(page, machineSettings, "Preferences: Open Remote Settings (JSON)", change);
}

async function editSettings(page, file, command, change) {
  let settings = {};
  try {
    settings = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    // no such file yet
  }
  change(settings);
  const text = JSON.stringify(settings, null, 2);
  await page.keyboard.press("Escape");
  await runCommand(page, command);
  await page.waitForSelector('.tabs-container .tab.active[aria-label*="settings.json"]', { timeout: 15000 });
  await page.waitForTimeout(500);
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText(text);
  // drop what auto-closing added after the cursor
  await page.keyboard.press("Control+Shift+End");
  await page.keyboard.press("Delete");
  await page.keyboard.press("Control+s");
  const saved = () => {
    try {
      return JSON.stringify(JSON.parse(fs.readFileSync(file, "utf8"))) === JSON.stringify(settings) || null;
    } catch {
      return null; // not yet, or not valid JSON
    }
  };
  await waitFor(saved, 10000, "settings.json to be saved as valid JSON");
}

/** The server processes that this code-server started (in its process group). */
function serverPids() {
  const pids = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const exe = fs.readlinkSync(`/proc/${entry}/exe`);
      if (exe !== expectedServer) continue;
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pgid = Number(fields[2]);
      if (pgid === serverProc.pid && fields[0] !== "Z") pids.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

async function showProblems(page) {
  const visible = await page.evaluate(() => {
    const p = document.querySelector(".markers-panel");
    return p !== null && p.getBoundingClientRect().height > 0;
  });
  if (!visible) await page.keyboard.press("Control+Shift+m");
  await page.waitForSelector(".markers-panel", { state: "visible", timeout: 10000 });
}

async function openByQuickOpen(page, name) {
  await page.keyboard.press("Control+p");
  await page.waitForSelector(".quick-input-widget input", { timeout: 15000 });
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout: 15000 });
  await page.keyboard.press("Enter");
  await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${name}"]`, { timeout: 15000 });
}

async function languageMode(page) {
  await page.waitForTimeout(500); // the status bar follows the active editor
  return page.evaluate(() => (document.querySelector("#status\\.editor\\.mode")?.textContent || "").trim());
}

async function runCommand(page, title) {
  await page.keyboard.press("F1");
  await page.waitForSelector(".quick-input-widget input", { timeout: 10000 });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 10000 });
  await page.keyboard.press("Enter");
}

/** The attach rule: "Dossier: Use for this file" on any file; `dossier.files` narrows which .txt files are dossiers. */
async function attachRule(page) {
  try {
    await openByQuickOpen(page, "dossier-as-notes.md");
    const before = await waitFor(async () => (await languageMode(page)) || null, 10000, "a language mode");
    await runCommand(page, "Dossier: Use for this file");
    const after = await waitFor(async () => ((await languageMode(page)) === "Dossier" ? "Dossier" : null), 10000, "language mode Dossier").catch(
      async () => await languageMode(page),
    );
    await shot(page, "07-use-for-this-file");
    record("Dossier: Use for this file makes a .md file a dossier", before === "Markdown" && after === "Dossier", `${before} -> ${after}`);
  } catch (e) {
    record("Dossier: Use for this file makes a .md file a dossier", false, e.message);
  }
  try {
    await editUserSettings(page, (settings) => {
      settings["dossier.files"] = ["**/dossiers/**/*.txt"];
      settings["dossier.lints"] = { "unreferenced-footnote": "off" };
    });
    await page.waitForTimeout(1000);
    await openByQuickOpen(page, "boodschappen.txt");
    await page.waitForTimeout(1000);
    const mode = await waitFor(async () => ((await languageMode(page)) === "Plain Text" ? "Plain Text" : null), 10000, "Plain Text").catch(
      async () => await languageMode(page),
    );
    await shot(page, "08-outside-dossier-files");
    record("a .txt file outside dossier.files opens as plain text", mode === "Plain Text", `dossier.files ["**/dossiers/**/*.txt"]: ${mode}`);
  } catch (e) {
    record("a .txt file outside dossier.files opens as plain text", false, e.message);
  }
  // the same edit set dossier.lints; the server hears of it and republishes
  try {
    await showProblems(page);
    const rows = await waitFor(
      async () => {
        const texts = await page.evaluate(() =>
          Array.from(document.querySelectorAll(".markers-panel .monaco-list-row")).map((r) => r.getAttribute("aria-label") || r.textContent || ""),
        );
        const unref = texts.some((t) => /no marker in the text refers to it/.test(t));
        const pm = texts.some((t) => /PM BRON/.test(t));
        return !unref && pm ? texts : null;
      },
      15000,
      "footnote 1's diagnostic to go while PM BRON stays",
    );
    await shot(page, "09-lint-setting");
    record("dossier.lints { unreferenced-footnote: off } reaches the server", true, `${rows.length} rows in Problems`);
  } catch (e) {
    await shot(page, "09-lint-setting");
    record("dossier.lints { unreferenced-footnote: off } reaches the server", false, e.message);
  }
}

/** The lines of the extension's log (the output channel "Dossier Language Server"). */
function extensionLog() {
  const lines = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name === "Dossier Language Server.log") lines.push(...fs.readFileSync(p, "utf8").split("\n"));
    }
  };
  try {
    walk(path.join(dirs.userData, "logs"));
  } catch {
    // no logs yet
  }
  return lines;
}

/** How often the extension's log says it started the server. */
function countStarts() {
  return extensionLog().filter((l) => /\] starting /.test(l)).length;
}

/** The log's last "starting …" line: which binary, and where it came from. */
function lastStart() {
  return extensionLog().filter((l) => /\] starting /.test(l)).pop() || "";
}

/** Whether the extension's log says it set the x bit of its server. */
function madeExecutable() {
  return extensionLog().some((l) => /\] made .* executable/.test(l));
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  record("the test ran to the end", false, e.stack || String(e));
  try {
    const page = context?.pages()[0];
    if (page) await shot(page, "99-error");
  } catch {
    // ignore
  }
} finally {
  await cleanup();
}
const passed = results.filter((r) => r.ok).length;
const failedN = results.length - passed;
console.log(`[vscode ${elapsed()}] ${passed} passed, ${failedN} failed (screenshots and logs in ${path.relative(repoRoot, artifacts)})`);
fs.writeFileSync(path.join(artifacts, "summary.txt"), `${passed} passed, ${failedN} failed\n`);
if (failed) exitCode = 1;
process.exit(exitCode);
