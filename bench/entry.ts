/** Bundled by bench/run.mjs: `node --expose-gc build/bench/cases.cjs <case>` runs one case. */
import { runCaseByName } from "./cases";

runCaseByName(process.argv[2] ?? "").catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
