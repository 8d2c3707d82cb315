// The VS Code client of dossier-lsp: starts the server, attaches it to dossier
// files, and shows its state. All analysis is in the server.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";

const LANGUAGE_ID = "dossier";
const SECTION = "dossier";
/** The server's default globs, for the attach rule when `dossier.files` is unset. */
const DEFAULT_FILES = ["**/*.txt", "**/*.md"];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let traceOutput: vscode.OutputChannel;
let status: vscode.StatusBarItem;
/** The extension's folder: the package for one platform has the server in `server/`. */
let extensionPath: string;
/** Documents this session has already sorted into dossier or not, so that a
 * later choice by hand (Change Language Mode) is never undone. */
const sorted = new Set<string>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel("Dossier Language Server", { log: true });
  traceOutput = vscode.window.createOutputChannel("Dossier Language Server Trace");
  status = vscode.window.createStatusBarItem("dossier.status", vscode.StatusBarAlignment.Left, 10);
  status.name = vscode.l10n.t("Dossier language server");
  status.command = "dossier.showOutput";
  context.subscriptions.push(output, traceOutput, status);

  context.subscriptions.push(
    vscode.commands.registerCommand("dossier.useForThisFile", useForThisFile),
    vscode.commands.registerCommand("dossier.restartServer", () => restart()),
    vscode.commands.registerCommand("dossier.showOutput", () => output.show(true)),
    vscode.workspace.onDidOpenTextDocument(sortDocument),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SECTION}.files`)) {
        output.info(vscode.l10n.t("dossier.files is now {0}", JSON.stringify(vscode.workspace.getConfiguration(SECTION).get("files"))));
      }
      if (e.affectsConfiguration(`${SECTION}.server`)) {
        output.info(vscode.l10n.t("server settings changed; restarting"));
        await restart();
      }
    }),
  );
  for (const doc of vscode.workspace.textDocuments) {
    await sortDocument(doc);
  }

  // "Restart server" is offered once the extension runs, also when no server was
  // found: after installing one, it tries again.
  void vscode.commands.executeCommand("setContext", "dossier.active", true);
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

// ---------------------------------------------------------------------------
// Which files are dossiers
//
// The language `dossier` claims `*.txt` and `*.dossier` in package.json, so
// that opening one activates this extension. On open, a `.txt` file outside
// the `dossier.files` globs goes back to plain text, and a plain-text file
// inside them becomes a dossier. `files.associations` overrides both, and
// "Dossier: Use for this file" or Change Language Mode decide per file.

function matchesFilesSetting(doc: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration(SECTION, doc).get<string[] | null>("files") ?? DEFAULT_FILES;
  return globs.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
}

async function sortDocument(doc: vscode.TextDocument): Promise<void> {
  if (doc.uri.scheme !== "file" && doc.uri.scheme !== "untitled") return;
  const key = doc.uri.toString();
  if (sorted.has(key)) return;
  sorted.add(key);
  try {
    if (doc.languageId === LANGUAGE_ID) {
      if (doc.uri.scheme === "file" && doc.uri.path.toLowerCase().endsWith(".txt") && !matchesFilesSetting(doc)) {
        output.info(vscode.l10n.t("{0}: not in dossier.files, opened as plain text", doc.uri.fsPath));
        await vscode.languages.setTextDocumentLanguage(doc, "plaintext");
      }
    } else if (doc.languageId === "plaintext" && doc.uri.scheme === "file" && matchesFilesSetting(doc)) {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }
  } catch (e) {
    output.warn(vscode.l10n.t("could not set the language of {0}: {1}", doc.uri.toString(), String(e)));
  }
}

async function useForThisFile(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Dossier: open a file first."));
    return;
  }
  sorted.add(editor.document.uri.toString());
  if (editor.document.languageId !== LANGUAGE_ID) {
    await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
  }
  if (!client || client.state === State.Stopped) await start();
}

// ---------------------------------------------------------------------------
// The server

/** Where the server to start came from. */
type ServerSource = "setting" | "bundled" | "path";
function sourceText(source: ServerSource): string {
  switch (source) {
    case "setting":
      return vscode.l10n.t("named by dossier.server.path");
    case "bundled":
      return vscode.l10n.t("the server inside the extension");
    case "path":
      return vscode.l10n.t("dossier-lsp found on PATH");
  }
}
type ServerChoice = { command: string; source: ServerSource } | { problem: string };

const EXE = process.platform === "win32" ? "dossier-lsp.exe" : "dossier-lsp";

/** This machine's platform as VS Code names it, e.g. `linux-x64`, for the name of
 * the package with the server inside. */
function platformName(): string {
  const os = { linux: "linux", darwin: "darwin", win32: "win32" }[process.platform as string] ?? process.platform;
  const arch = { x64: "x64", arm64: "arm64", arm: "armhf" }[process.arch as string] ?? process.arch;
  return `${os}-${arch}`;
}

/** `dossier.server.path` as a command: `~` and `${workspaceFolder}` expanded, a
 * relative path taken from the first workspace folder; a bare name stays a name. */
function expandSetting(configured: string): string {
  let p = configured;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) p = p.replace(/\$\{workspaceFolder\}/g, folder);
  if (p === "~" || p.startsWith("~/")) p = path.join(os.homedir(), p.slice(1));
  if (isBareName(p)) return p;
  if (!path.isAbsolute(p) && folder) p = path.join(folder, p);
  return p;
}

function isBareName(p: string): boolean {
  return !p.includes("/") && !p.includes("\\");
}

/** Which server to start. In order: the one `dossier.server.path` names (if it is
 * set, and only that one); the one inside the extension (the package for one
 * platform has it in `server/`); `dossier-lsp` on PATH. */
function chooseServer(): ServerChoice {
  const configured = (vscode.workspace.getConfiguration(SECTION).get<string>("server.path") ?? "").trim();
  if (configured) {
    const command = expandSetting(configured);
    const found = isBareName(command) ? findOnPath(command) : fs.existsSync(command) ? command : undefined;
    if (found) return { command: found, source: "setting" };
    return {
      problem: isBareName(command)
        ? vscode.l10n.t(
            "Dossier: the language server `{0}` that the setting dossier.server.path names was not found on PATH. Correct the setting, or empty it to use the server inside the extension or `dossier-lsp` on PATH.",
            configured,
          )
        : vscode.l10n.t(
            "Dossier: the language server `{0}` that the setting dossier.server.path names was not found. Correct the setting, or empty it to use the server inside the extension or `dossier-lsp` on PATH.",
            configured,
          ),
    };
  }
  const bundled = path.join(extensionPath, "server", EXE);
  if (fs.existsSync(bundled)) {
    const problem = makeExecutable(bundled);
    return problem ? { problem } : { command: bundled, source: "bundled" };
  }
  const onPath = findOnPath("dossier-lsp");
  if (onPath) return { command: onPath, source: "path" };
  return {
    problem: vscode.l10n.t(
      "Dossier: no language server found. This copy of the extension has no server inside, and `dossier-lsp` is not on PATH. Install the extension for your computer ({0}), which has the server inside, or set dossier.server.path to the dossier-lsp program.",
      `dossier-lsp-${platformName()}.vsix`,
    ),
  };
}

/** Opens the settings editor at `dossier.server.path`. It is a machine setting: in a
 * remote window (Remote SSH, WSL, code-server) it is set in the remote settings,
 * where the extension and its server run; the user settings would not show it. */
async function openServerPathSetting(): Promise<void> {
  const query = `${SECTION}.server.path`;
  if (vscode.env.remoteName) {
    try {
      await vscode.commands.executeCommand("workbench.action.openRemoteSettings", { query });
      return;
    } catch (e) {
      output.warn(vscode.l10n.t("could not open the remote settings: {0}", String(e)));
    }
  }
  await vscode.commands.executeCommand("workbench.action.openSettings", query);
}

/** The server inside the extension must be executable; a package made on Windows,
 * or an unpacker that drops the mode, leaves it without the x bit. */
function makeExecutable(file: string): string | undefined {
  if (process.platform === "win32") return undefined;
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return undefined;
  } catch {
    // set it below
  }
  try {
    fs.chmodSync(file, fs.statSync(file).mode | 0o755);
    output.info(vscode.l10n.t("made {0} executable", file));
    return undefined;
  } catch (e) {
    return vscode.l10n.t(
      "Dossier: the server inside the extension ({0}) is not executable and could not be made so: {1}. Set dossier.server.path to another dossier-lsp program.",
      file,
      e instanceof Error ? e.message : String(e),
    );
  }
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of process.platform === "win32" ? ["", ".exe", ".cmd"] : [""]) {
      const candidate = path.join(dir, name + ext);
      try {
        if (!fs.statSync(candidate).isFile()) continue;
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // next
      }
    }
  }
  return undefined;
}

/** The settings the server reads: everything under `dossier` except how to start it. */
function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    // Unset: the project file's `files`, else the server's defaults.
    files: config.get<string[] | null>("files") ?? null,
    lints: config.get<Record<string, string>>("lints", {}),
    inlayHints: { markers: config.get<boolean>("inlayHints.markers", false) },
    language: config.get<string>("language", "auto"),
  };
}

/** What the status bar item shows. Kept here, not read back from the item's text,
 * so that the translated texts cannot change what the extension does. */
type ServerState = "starting" | "ready" | "stopped" | "crashed" | "failed" | "notFound";
let serverState: ServerState | undefined;

function stateText(state: ServerState): string {
  switch (state) {
    case "starting":
      return vscode.l10n.t("Dossier: starting");
    case "ready":
      return vscode.l10n.t("Dossier: ready");
    case "stopped":
      return vscode.l10n.t("Dossier: stopped");
    case "crashed":
      return vscode.l10n.t("Dossier: crashed");
    case "failed":
      return vscode.l10n.t("Dossier: failed");
    case "notFound":
      return vscode.l10n.t("Dossier: not found");
  }
}

function setStatus(state: ServerState, tooltip: string): void {
  serverState = state;
  status.text = `$(book) ${stateText(state)}`;
  status.tooltip = `${tooltip}\n${vscode.l10n.t("Click to show the server log.")}`;
  const kind = state === "crashed" || state === "failed" || state === "notFound" ? "error" : state === "stopped" ? "warning" : undefined;
  status.backgroundColor =
    kind === "error"
      ? new vscode.ThemeColor("statusBarItem.errorBackground")
      : kind === "warning"
        ? new vscode.ThemeColor("statusBarItem.warningBackground")
        : undefined;
  status.show();
}

async function start(): Promise<void> {
  if (client) return;
  const choice = chooseServer();
  if ("problem" in choice) {
    const message = choice.problem;
    output.error(message);
    setStatus("notFound", message);
    const openSettings = vscode.l10n.t("Open settings");
    void vscode.window.showErrorMessage(message, openSettings).then((button) => {
      if (button === openSettings) void openServerPathSetting();
    });
    return;
  }
  const found = choice.command;
  const from = sourceText(choice.source);
  const extraArgs = vscode.workspace.getConfiguration(SECTION).get<string[]>("server.extraArgs", []);
  const executable = { command: found, args: extraArgs, transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run: executable, debug: executable };

  const crashes: number[] = []; // when the server stopped unasked, for the last three minutes
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: LANGUAGE_ID },
      { scheme: "untitled", language: LANGUAGE_ID },
    ],
    initializationOptions: serverSettings(),
    synchronize: { configurationSection: SECTION },
    outputChannel: output,
    traceOutputChannel: traceOutput,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const now = Date.now();
        crashes.push(now);
        while (crashes.length > 0 && now - crashes[0] > 3 * 60 * 1000) crashes.shift();
        if (crashes.length <= 4) {
          output.warn(vscode.l10n.t("the server stopped; restarting ({0} of 4 in three minutes)", crashes.length));
          return { action: CloseAction.Restart };
        }
        setStatus("crashed", vscode.l10n.t("The server stopped five times in three minutes. Run 'Dossier: Restart server' to try again."));
        return {
          action: CloseAction.DoNotRestart,
          message: vscode.l10n.t("The dossier language server stopped five times in three minutes; run 'Dossier: Restart server' to try again."),
        };
      },
    },
  };

  client = new LanguageClient("dossier", "Dossier Language Server", serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    switch (e.newState) {
      case State.Starting:
        setStatus("starting", vscode.l10n.t("Starting {0}", found));
        break;
      case State.Running: {
        const info = client?.initializeResult?.serverInfo;
        const name = info ? `${info.name}${info.version ? " " + info.version : ""}` : found;
        setStatus("ready", vscode.l10n.t("{0} is running ({1}: {2})", name, found, from));
        break;
      }
      case State.Stopped:
        if (serverState !== "crashed" && serverState !== "failed") {
          setStatus("stopped", vscode.l10n.t("The server is not running. Run 'Dossier: Restart server' to start it."));
        }
        break;
    }
  });
  setStatus("starting", vscode.l10n.t("Starting {0}", found));
  output.info(vscode.l10n.t("starting {0} ({1})", `${found} ${["--stdio", ...extraArgs].join(" ")}`, from));
  try {
    await client.start();
  } catch (e) {
    const message = vscode.l10n.t("Dossier: the server {0} failed to start: {1}", found, e instanceof Error ? e.message : String(e));
    output.error(message);
    setStatus("failed", message);
    const showLog = vscode.l10n.t("Show log");
    void vscode.window.showErrorMessage(message, showLog).then((button) => {
      if (button === showLog) output.show(true);
    });
    const failed = client;
    client = undefined;
    try {
      await failed?.dispose();
    } catch {
      // already gone
    }
  }
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (!old) return;
  try {
    await old.dispose(2000);
  } catch (e) {
    output.warn(vscode.l10n.t("stopping the server: {0}", String(e)));
  }
}

async function restart(): Promise<void> {
  output.info(vscode.l10n.t("restarting the server"));
  await stop();
  await start();
}
