// The UI's copy of `Edit::apply` (ui/src/lib/apply.ts), compiled for the mock backend: the mock
// applies edits exactly as the UI does, so a test sees what the real backend would answer.
// Install with `page.addInitScript({ content: await applierScript() })` before the mock.

import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const source = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "lib", "apply.ts");

/** A classic script that defines `window.__corridorApply` with apply.ts's exports. */
export async function applierScript() {
  const { outputText } = ts.transpileModule(await readFile(source, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  return `(() => { const exports = {}; const module = { exports }; const require = () => ({});\n${outputText}\nwindow.__corridorApply = exports; })();`;
}
