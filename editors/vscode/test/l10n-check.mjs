// Checks that the extension's Dutch translations are complete, so that a text added
// in English only fails CI:
//   1. every `vscode.l10n.t("…")` in src/ has an entry in l10n/bundle.l10n.nl.json,
//      with the same {0} {1} … placeholders, and the bundle has no entry that src/
//      no longer uses;
//   2. every `%key%` in package.json has an entry in package.nls.json and in
//      package.nls.nl.json, and the two files have the same keys;
//   3. the texts a user sees (status bar item, notifications, output channel lines)
//      go through vscode.l10n.t, not as literal strings.
// Reads the sources with the TypeScript compiler (a devDependency), so only a string
// literal counts as a message: `vscode.l10n.t(someVariable)` is itself an error.
//
//   node test/l10n-check.mjs          (npm run test:l10n)
// Environment: ARTIFACTS  where summary.txt goes ("N passed, N failed"), for
// editors/test/run-all.sh; LANGS  the languages to check (default: nl).
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const extRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ts = createRequire(path.join(extRoot, "package.json"))("typescript");
const langs = (process.env.LANGS || "nl").split(",").filter(Boolean);

const results = [];
function record(name, problems) {
  results.push({ name, ok: problems.length === 0 });
  console.log(`[l10n] ${problems.length === 0 ? "PASS" : "FAIL"} ${name}`);
  for (const p of problems) console.log(`         ${p}`);
}

function readJson(file, problems) {
  try {
    return JSON.parse(fs.readFileSync(path.join(extRoot, file), "utf8"));
  } catch (e) {
    problems.push(`${file}: ${e.message}`);
    return undefined;
  }
}

/** The `{0}`, `{1}` … in a message, sorted and without repeats. */
function placeholders(text) {
  return [...new Set(text.match(/\{\d+\}/g) || [])].sort().join(" ");
}

// --- the sources: calls of vscode.l10n.t, and literal texts where a user would see them
function tsFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}
const messages = new Map(); // message -> first place it is used
const sourceProblems = [];
const literalProblems = [];
/** Calls whose text arguments a user reads: these must not get a literal string. */
const USER_FACING = /^(vscode\.)?window\.show(Information|Warning|Error)Message$|^setStatus$|^output\.(info|warn|error)$/;
for (const file of tsFiles(path.join(extRoot, "src"))) {
  const text = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const where = (node) => `${path.relative(extRoot, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const isLiteral = (n) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n) || (ts.isBinaryExpression(n) && (isLiteral(n.left) || isLiteral(n.right)));
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(sf);
      if (callee === "vscode.l10n.t" || callee === "l10n.t") {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          if (!messages.has(first.text)) messages.set(first.text, where(node));
        } else {
          sourceProblems.push(`${where(node)}: ${callee} needs a string literal as its message, not ${first ? first.getText(sf) : "nothing"}`);
        }
      } else if (USER_FACING.test(callee)) {
        // setStatus(state, tooltip): the state is a name, not a text
        const texts = callee === "setStatus" ? node.arguments.slice(1) : node.arguments;
        for (const arg of texts) {
          if (isLiteral(arg)) literalProblems.push(`${where(arg)}: ${callee}(… ${arg.getText(sf).slice(0, 60)} …) is not translated; use vscode.l10n.t`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
if (messages.size === 0) sourceProblems.push("no vscode.l10n.t calls found in src/: is the extractor broken?");

// --- 1. the bundles
const pkg = readJson("package.json", sourceProblems) || {};
if (pkg.l10n !== "./l10n") sourceProblems.push(`package.json: "l10n" is ${JSON.stringify(pkg.l10n)}, not "./l10n"`);
for (const lang of langs) {
  const problems = [...sourceProblems];
  const file = `l10n/bundle.l10n.${lang}.json`;
  const bundle = readJson(file, problems) || {};
  for (const [message, at] of messages) {
    const translated = bundle[message];
    if (typeof translated !== "string" || translated.trim() === "") problems.push(`${at}: no ${lang} translation for ${JSON.stringify(message)}`);
    else if (placeholders(translated) !== placeholders(message)) {
      problems.push(`${file}: ${JSON.stringify(message)} has placeholders [${placeholders(message)}], its translation [${placeholders(translated)}]`);
    }
  }
  for (const message of Object.keys(bundle)) {
    if (!messages.has(message)) problems.push(`${file}: ${JSON.stringify(message)} is not used in src/ (left over?)`);
  }
  record(`every vscode.l10n.t text in src/ (${messages.size}) has a translation in ${file}`, problems);
}

// --- 2. package.json's %key% placeholders
{
  const problems = [];
  const keys = new Map(); // key -> JSON path
  const walk = (value, at) => {
    if (typeof value === "string") {
      const m = /^%(.+)%$/.exec(value);
      if (m) keys.set(m[1], at);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
    }
  };
  walk(pkg, "package.json");
  if (keys.size === 0) problems.push("package.json has no %key% placeholders: is the check broken?");
  const nls = { "package.nls.json": readJson("package.nls.json", problems) || {} };
  for (const lang of langs) nls[`package.nls.${lang}.json`] = readJson(`package.nls.${lang}.json`, problems) || {};
  for (const [file, table] of Object.entries(nls)) {
    for (const [key, at] of keys) {
      if (typeof table[key] !== "string" || table[key].trim() === "") problems.push(`${file}: no entry for %${key}% (${at})`);
    }
    for (const key of Object.keys(table)) {
      if (!keys.has(key)) problems.push(`${file}: "${key}" is not used in package.json (left over?)`);
    }
  }
  record(`every %key% in package.json (${keys.size}) is in package.nls.json and ${langs.map((l) => `package.nls.${l}.json`).join(", ")}`, problems);
}

// --- 3. no literal texts where a user reads them
record("the status bar item, notifications and log lines use vscode.l10n.t, not literal texts", literalProblems);

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`[l10n] ${passed} passed, ${failed} failed`);
if (process.env.ARTIFACTS) {
  fs.mkdirSync(process.env.ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(process.env.ARTIFACTS, "summary.txt"), `${passed} passed, ${failed} failed\n`);
}
process.exit(failed === 0 ? 0 : 1);
