import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { diffEnvironments, type EnvFormat, type EnvIssue } from "../../../core/env/index";
import { findRun, formatRecipe, recipeOf, reproducibilityByExperiment, type RecipeFormat } from "../../../core/index";
import { checkRuns, type CheckOutcome, type StoredEnvironments } from "../../../excel/index";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";
import { defaultPair, myRuns, runChoices } from "./environments-plan";
import { readOwnerName, saveOwnerName } from "./owner-name";

export type FormatChoice = EnvFormat | "auto";

/** State and actions of the Environments tab: store a pasted environment, compare, copy a recipe, my runs. */
export function useEnvironmentsTab() {
  const { gateway, revision, notifyChanged } = useWorkbook();
  const { error, busy, guard, dismiss } = useEdgeErrors();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [stored, setStored] = useState<StoredEnvironments>(new Map());
  const [text, setText] = useState("");
  const [format, setFormat] = useState<FormatChoice>("auto");
  const [notice, setNotice] = useState<string | null>(null);
  const [issues, setIssues] = useState<EnvIssue[]>([]);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const [recipeRun, setRecipeRun] = useState("");
  const [recipeFormat, setRecipeFormat] = useState<RecipeFormat>("args");
  const [me, setMeState] = useState(readOwnerName);
  const [myOnly, setMyOnly] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);

  // Each change starts a new read; an older one answering later is dropped, or the tab would
  // go back to what the workbook held before (a stored environment disappearing again).
  const latestRead = useRef(0);
  const load = useCallback(async () => {
    const request = ++latestRead.current;
    const read = await guard(async () => ({ runs: await checkRuns(gateway), envs: await gateway.readEnvironments() }));
    if (!read || request !== latestRead.current) return;
    setOutcome(read.runs);
    setStored(read.envs);
  }, [gateway, guard]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const storedIds = useMemo(() => new Set(stored.keys()), [stored]);
  const choices = useMemo(
    () => (outcome ? runChoices(outcome.runs, outcome.schema, storedIds) : []),
    [outcome, storedIds],
  );
  const shown = useMemo(() => (myOnly ? myRuns(choices, me) : choices), [choices, myOnly, me]);
  const figures = useMemo(
    () =>
      outcome
        ? reproducibilityByExperiment(
            outcome.runs,
            outcome.schema,
            storedIds.size ? { knownEnvironments: storedIds } : {},
          )
        : [],
    [outcome, storedIds],
  );

  // Compare the two latest runs on different environments until the user picks others.
  const [runA, runB] = pair ?? defaultPair(shown, storedIds) ?? ["", ""];
  const diff = useMemo(() => {
    const a = choices.find((c) => c.id === runA);
    const b = choices.find((c) => c.id === runB);
    const envA = a ? stored.get(a.environment) : undefined;
    const envB = b ? stored.get(b.environment) : undefined;
    if (!a || !b || !envA || !envB) return null;
    return { diff: diffEnvironments(envA, envB), caption: `${a.id} (${a.environment}) -> ${b.id} (${b.environment})` };
  }, [choices, stored, runA, runB]);

  const selectedRecipeRun = recipeRun || shown[shown.length - 1]?.id || "";
  const recipeText = useMemo(() => {
    if (!outcome || !selectedRecipeRun) return "";
    const run = findRun(outcome.runs, selectedRecipeRun);
    return run ? formatRecipe(recipeOf(run, outcome.schema), recipeFormat) : "";
  }, [outcome, selectedRecipeRun, recipeFormat]);

  const store = useCallback(async () => {
    setNotice(null);
    setIssues([]);
    const result = await guard(() => gateway.storeEnvironment(text, format === "auto" ? undefined : format));
    if (!result) return;
    if (!result.ok) {
      setIssues(result.issues);
      return;
    }
    setIssues(result.warnings);
    setNotice(
      result.alreadyStored
        ? `Already stored as ${result.id}: nothing was written. Put ${result.id} in the environment column of the runs that used it.`
        : `Stored ${result.id} (${result.packages} packages, ${result.written} rows on the Environments sheet). Put ${result.id} in the environment column of the runs that used it.`,
    );
    notifyChanged();
  }, [gateway, guard, text, format, notifyChanged]);

  const setMe = useCallback((name: string) => {
    setMeState(name);
    saveOwnerName(name);
  }, []);

  const copyRecipe = useCallback(async () => {
    setCopied(null);
    try {
      await globalThis.navigator.clipboard.writeText(recipeText);
      setCopied(`Copied the recipe of ${selectedRecipeRun}.`);
    } catch {
      setCopied("The browser did not allow copying: select the text above and copy it.");
    }
  }, [recipeText, selectedRecipeRun]);

  return {
    busy,
    error,
    dismiss,
    text,
    setText,
    format,
    setFormat,
    store,
    notice,
    issues,
    stored,
    choices,
    shown,
    figures,
    runA,
    runB,
    setPair,
    diff,
    recipeRun: selectedRecipeRun,
    setRecipeRun,
    recipeFormat,
    setRecipeFormat,
    recipeText,
    copyRecipe,
    copied,
    me,
    setMe,
    myOnly,
    setMyOnly,
    hasOwnerColumn: outcome ? outcome.schema.columns.some((c) => c.name.toLowerCase() === "owner") : false,
  };
}
