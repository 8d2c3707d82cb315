// Packages the extension as a .vsix, with the language server inside or not.
//
//   npm run package                                 universal: no server inside
//                                                   (writes dossier-lsp.vsix)
//   npm run package -- --target linux-x64           for one platform, with the server
//                                                   (writes dossier-lsp-linux-x64.vsix)
//
// Options:
//   --target T     a VS Code platform: linux-x64, linux-arm64, linux-armhf,
//                  darwin-x64, darwin-arm64, win32-x64, win32-arm64, alpine-x64,
//                  alpine-arm64. The server goes into server/dossier-lsp
//                  (server/dossier-lsp.exe for win32-*).
//   --server PATH  the server binary to put inside (or the environment variable
//                  DOSSIER_LSP_PACKAGE_SERVER, used only with --target). Default: the cargo release build for
//                  T, target/<rust triple>/release/dossier-lsp, or, when T is this
//                  machine's platform, target/release/dossier-lsp (after
//                  `cargo build --release`). CARGO_TARGET_DIR moves target/.
//   --out FILE     where the .vsix goes
// Any other argument is passed on to `vsce package`.
//
// The binary's format and processor are checked against T (ELF, Mach-O or PE;
// x64, arm64 or arm), so that a Linux binary cannot end up in a macOS package.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const extRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(extRoot, "../..");
const serverDir = path.join(extRoot, "server");

/** VS Code's platforms (vsce --target) and the Rust target each one needs. */
const TARGETS = {
  "linux-x64": { triple: "x86_64-unknown-linux-gnu", format: "elf", arch: "x64" },
  "linux-arm64": { triple: "aarch64-unknown-linux-gnu", format: "elf", arch: "arm64" },
  "linux-armhf": { triple: "armv7-unknown-linux-gnueabihf", format: "elf", arch: "arm" },
  "alpine-x64": { triple: "x86_64-unknown-linux-musl", format: "elf", arch: "x64" },
  "alpine-arm64": { triple: "aarch64-unknown-linux-musl", format: "elf", arch: "arm64" },
  "darwin-x64": { triple: "x86_64-apple-darwin", format: "macho", arch: "x64" },
  "darwin-arm64": { triple: "aarch64-apple-darwin", format: "macho", arch: "arm64" },
  "win32-x64": { triple: "x86_64-pc-windows-msvc", format: "pe", arch: "x64" },
  "win32-arm64": { triple: "aarch64-pc-windows-msvc", format: "pe", arch: "arm64" },
};

function die(msg) {
  console.error(`package: ${msg}`);
  process.exit(1);
}

// --- arguments
let target;
let server;
let out;
const passOn = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const value = () => {
    if (a.includes("=")) return a.slice(a.indexOf("=") + 1);
    if (i + 1 >= argv.length) die(`${a} needs a value`);
    return argv[++i];
  };
  if (a === "--target" || a === "-t" || a.startsWith("--target=")) target = value();
  else if (a === "--server" || a.startsWith("--server=")) server = value();
  else if (a === "--out" || a === "-o" || a.startsWith("--out=")) out = value();
  else passOn.push(a);
}
if (target !== undefined && !TARGETS[target]) {
  die(`unknown target '${target}'; one of: ${Object.keys(TARGETS).join(", ")}`);
}
if (target === undefined && server) die("--server needs --target: the universal package has no server inside");
server ??= process.env.DOSSIER_LSP_PACKAGE_SERVER || undefined; // ignored for the universal package

/** This machine's VS Code platform, as far as the default binary is concerned. */
function hostTarget() {
  const arch = { x64: "x64", arm64: "arm64", arm: "armhf" }[process.arch];
  const os = { linux: "linux", darwin: "darwin", win32: "win32" }[process.platform];
  return arch && os ? `${os}-${arch}` : undefined;
}

function defaultServer(t) {
  const exe = t.startsWith("win32-") ? "dossier-lsp.exe" : "dossier-lsp";
  const targetDir = path.resolve(repoRoot, process.env.CARGO_TARGET_DIR || "target");
  const cross = path.join(targetDir, TARGETS[t].triple, "release", exe);
  if (fs.existsSync(cross)) return cross;
  const native = path.join(targetDir, "release", exe);
  if (t === hostTarget() && fs.existsSync(native)) return native;
  die(
    `no server binary for ${t}: looked for ${path.relative(process.cwd(), cross)}` +
      (t === hostTarget() ? ` and ${path.relative(process.cwd(), native)}; run \`cargo build --release\`` : `; run \`cargo build --release --target ${TARGETS[t].triple}\``) +
      ", or name one with --server",
  );
}

/** Reads the executable's header: its format (elf, macho, pe) and the processors it runs on. */
function describeBinary(file) {
  const fd = fs.openSync(file, "r");
  const buf = Buffer.alloc(4096);
  const n = fs.readSync(fd, buf, 0, buf.length, 0);
  fs.closeSync(fd);
  const head = buf.subarray(0, n);
  if (n >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    const le = head[5] === 1;
    const machine = le ? head.readUInt16LE(18) : head.readUInt16BE(18);
    return { format: "elf", archs: [{ 0x3e: "x64", 0xb7: "arm64", 0x28: "arm" }[machine] || `machine 0x${machine.toString(16)}`] };
  }
  const macho = { 0x01000007: "x64", 0x0100000c: "arm64" };
  if (n >= 8 && head.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = head.readUInt32LE(4);
    return { format: "macho", archs: [macho[cpu] || `cpu 0x${cpu.toString(16)}`] };
  }
  if (n >= 8 && head.readUInt32BE(0) === 0xcafebabe) {
    // a universal (fat) Mach-O binary: one entry of 20 bytes per processor
    const count = head.readUInt32BE(4);
    const archs = [];
    for (let k = 0; k < count && 8 + 20 * k + 4 <= n; k++) {
      const cpu = head.readUInt32BE(8 + 20 * k);
      archs.push(macho[cpu] || `cpu 0x${cpu.toString(16)}`);
    }
    return { format: "macho", archs };
  }
  if (n >= 0x40 && head.toString("latin1", 0, 2) === "MZ") {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 <= n && head.readUInt32BE(pe) === 0x50450000) {
      const machine = head.readUInt16LE(pe + 4);
      return { format: "pe", archs: [{ 0x8664: "x64", 0xaa64: "arm64" }[machine] || `machine 0x${machine.toString(16)}`] };
    }
  }
  return { format: "unknown", archs: [] };
}

const FORMAT_NAMES = { elf: "a Linux (ELF)", macho: "a macOS (Mach-O)", pe: "a Windows (PE)", unknown: "not a known" };

// --- put the server in place (or make sure none is there)
fs.rmSync(serverDir, { recursive: true, force: true });
let vsceArgs = ["package", "--no-dependencies", "--skip-license", "--allow-missing-repository"];
if (target) {
  const binary = path.resolve(server || defaultServer(target));
  if (!fs.statSync(binary, { throwIfNoEntry: false })?.isFile()) die(`no server binary at ${binary}`);
  const want = TARGETS[target];
  const got = describeBinary(binary);
  if (got.format !== want.format || !got.archs.includes(want.arch)) {
    die(`${binary} is ${FORMAT_NAMES[got.format]} executable for ${got.archs.join(", ") || "no known processor"}; ${target} needs ${FORMAT_NAMES[want.format]} executable for ${want.arch}`);
  }
  if (target === hostTarget()) {
    const version = spawnSync(binary, ["--version"], { encoding: "utf8", timeout: 20000 });
    if (version.status !== 0) die(`${binary} --version failed: ${version.stderr || version.error}`);
    console.log(`package: server ${version.stdout.trim()} from ${binary}`);
  } else {
    console.log(`package: server from ${binary}`);
  }
  const exe = target.startsWith("win32-") ? "dossier-lsp.exe" : "dossier-lsp";
  fs.mkdirSync(serverDir);
  fs.copyFileSync(binary, path.join(serverDir, exe));
  fs.chmodSync(path.join(serverDir, exe), 0o755); // kept in the .vsix; the extension checks again at start
  vsceArgs.push("--target", target, "--out", out || `dossier-lsp-${target}.vsix`);
} else {
  vsceArgs.push("--out", out || "dossier-lsp.vsix");
}
vsceArgs = vsceArgs.concat(passOn);

// --- vsce (runs vscode:prepublish: the type check and the production bundle)
const vsce = createRequire(path.join(extRoot, "package.json")).resolve("@vscode/vsce/vsce");
let status = 1;
try {
  const run = spawnSync(process.execPath, [vsce, ...vsceArgs], { cwd: extRoot, stdio: "inherit" });
  status = run.status ?? 1;
  if (run.error) console.error(`package: ${run.error.message}`);
} finally {
  fs.rmSync(serverDir, { recursive: true, force: true }); // the server folder is only for the package
}
process.exit(status);
