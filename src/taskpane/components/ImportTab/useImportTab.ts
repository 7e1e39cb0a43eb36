import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { inferSchema, schemaToRows, type RunSchema, type SheetGrid } from "../../../core/index";
import { detectFormat, mapColumns, type FormatName, type ParseResult } from "../../../core/parse/index";
import { DEFAULT_SCHEMA } from "../../../excel/index";
import {
  chooseTarget,
  historyRows,
  initialChoices,
  isLargePaste,
  mapsRunId,
  newSchemaColumns,
  planImport,
  type ImportPlan,
  type MappingChoice,
  type TargetPick,
} from "./import-plan";
import {
  parseHere,
  parseInWorker,
  startParseWorker,
  WorkerBrokenError,
  type ParseJob,
  type WorkerLike,
} from "../../logic/parse-client";
import { focusResult, useAnnounce, usePaneState } from "../../PaneState";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";

export type FormatChoice = FormatName | "auto";

/** Quiet period after typing before a small paste is parsed again. */
const PARSE_DELAY_MS = 300;

/** Where focus goes after an import: the sentence that says what was written. */
export const IMPORT_NOTICE_ID = "import-notice";

/** What a parse result or a mapping was made from, so a tab opened again does not redo (and lose) it. */
interface ParsedFor {
  text: string;
  format: FormatChoice;
}
interface ChoicesFor {
  result: ParseResult;
  schemaKey: string;
}

const schemaKeyOf = (schema: RunSchema | null) => (schema ? schema.columns.map((c) => c.name).join("\u0000") : "");

/** The Excel rows the preview is checked against, and the schema the columns map to. */
interface WorkbookView {
  schema: RunSchema;
  hasSchemaTable: boolean;
  existing: SheetGrid | null;
}

/**
 * State and actions of the Import tab: paste/file, format, preview, mapping, import. What the
 * user pasted, the preview and the mapping are kept in the pane's store, so they survive a tab
 * switch; the workbook is read again on every change, so the preview is checked against the runs
 * as they are now.
 */
export function useImportTab() {
  const { gateway, revision, notifyChanged } = useWorkbook();
  const announce = useAnnounce();
  const { error, busy, guard, dismiss, setError } = useEdgeErrors();
  const [text, setText] = usePaneState("import.text", "");
  const [formatChoice, setFormatChoice] = usePaneState<FormatChoice>("import.format", "auto");
  const [result, setResult] = usePaneState<ParseResult | null>("import.result", null);
  const [parsedFor, setParsedFor] = usePaneState<ParsedFor | null>("import.parsedFor", null);
  const [progress, setProgress] = useState<number | null>(null);
  const [choices, setChoices] = usePaneState<MappingChoice[]>("import.choices", []);
  const [choicesFor, setChoicesFor] = usePaneState<ChoicesFor | null>("import.choicesFor", null);
  const [validOnly, setValidOnly] = usePaneState("import.validOnly", false);
  const [view, setView] = useState<WorkbookView | null>(null);
  const [notice, setNotice] = usePaneState<string | null>("import.notice", null);
  const [runId, setRunId] = usePaneState("import.runId", "");
  const [keepHistory, setKeepHistory] = usePaneState("import.keepHistory", true);
  const job = useRef<ParseJob | null>(null);
  const progressOwner = useRef<object | null>(null);
  const worker = useRef<WorkerLike | null>(null);
  const schema = view?.schema ?? null;

  // The runs already there (the preview is validated against them) and the schema columns are
  // mapped against: the Schema sheet's, else inferred from the runs, else the default.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const snapshot = await guard(() => gateway.read());
      if (!snapshot || cancelled) return;
      const table = snapshot.schema?.schema ?? null;
      const mapped =
        table && table.columns.length > 0
          ? table
          : snapshot.runs
            ? inferSchema(snapshot.runs.grid, {
                rowOffset: snapshot.runs.rowOffset,
                ...(snapshot.runs.headerRow !== undefined ? { headerRow: snapshot.runs.headerRow } : {}),
              }).schema
            : DEFAULT_SCHEMA;
      setView({ schema: mapped, hasSchemaTable: snapshot.schema !== null, existing: snapshot.runs });
    })();
    return () => {
      cancelled = true;
    };
  }, [gateway, guard, revision]);

  useEffect(
    () => () => {
      job.current?.cancel();
      worker.current?.terminate();
    },
    [],
  );

  const detected = useMemo(() => (text.trim() === "" ? null : (detectFormat(text)[0]?.format ?? null)), [text]);

  const runParse = useCallback(
    async (input: string, format: FormatChoice) => {
      job.current?.cancel();
      if (input.trim() === "") {
        setResult(null);
        setParsedFor({ text: input, format });
        setProgress(null);
        return;
      }
      const forced = format === "auto" ? undefined : format;
      const large = isLargePaste(input);
      if (large) {
        worker.current ??= startParseWorker();
      }
      // Progress messages already on their way when a job is cancelled or replaced must not
      // bring its progress bar back: only the current job may report.
      const owner = {};
      progressOwner.current = owner;
      const onProgress = (done: number) => {
        if (progressOwner.current === owner) setProgress(done);
      };
      let started =
        large && worker.current
          ? parseInWorker(worker.current, input, forced, onProgress)
          : parseHere(input, forced, large ? onProgress : () => undefined);
      job.current = started;
      if (large) setProgress(0);
      try {
        let parsed: ParseResult | null;
        try {
          parsed = await started.promise;
        } catch (e) {
          if (!(e instanceof WorkerBrokenError) || job.current !== started) throw e;
          // The worker could not run here: parse in slices on this thread, still with progress and Cancel.
          worker.current?.terminate();
          worker.current = null;
          started = parseHere(input, forced, onProgress);
          job.current = started;
          parsed = await started.promise;
        }
        if (job.current !== started) return;
        if (parsed) {
          setResult(parsed);
          setParsedFor({ text: input, format });
        }
      } catch (e) {
        setError(e instanceof Error ? e.message : "The parser stopped unexpectedly.");
      } finally {
        if (job.current === started) {
          job.current = null;
          setProgress(null);
        }
      }
    },
    [setError, setResult, setParsedFor],
  );

  useEffect(() => {
    // Coming back to the tab: the kept result already belongs to this text.
    if (parsedFor && parsedFor.text === text && parsedFor.format === formatChoice && (result || text.trim() === ""))
      return;
    const handle = setTimeout(() => void runParse(text, formatChoice), PARSE_DELAY_MS);
    return () => clearTimeout(handle);
  }, [text, formatChoice, runParse, parsedFor, result]);

  // New parse result or schema: propose the mapping again (but keep the user's choices for the same ones).
  const schemaKey = schemaKeyOf(schema);
  useEffect(() => {
    if (!result) {
      // Only when something is there to clear: a new [] on every run would render for ever.
      if (choices.length > 0) setChoices([]);
      if (choicesFor !== null) setChoicesFor(null);
      return;
    }
    const sameSchema = schema === null || choicesFor?.schemaKey === schemaKey;
    if (choicesFor?.result === result && sameSchema) return;
    // A corrected paste with the same columns keeps the targets the user picked.
    const sameColumns =
      choices.length === result.columns.length && choices.every((c, i) => c.source === result.columns[i]);
    if (!(choicesFor && sameSchema && sameColumns))
      setChoices(initialChoices(mapColumns(result.columns, schema ?? DEFAULT_SCHEMA, result.rows), result));
    setChoicesFor({ result, schemaKey: schema === null ? (choicesFor?.schemaKey ?? "") : schemaKey });
  }, [result, schema, schemaKey, choices, choicesFor, setChoices, setChoicesFor]);

  const cancelParse = useCallback(() => {
    job.current?.cancel();
    job.current = null;
    progressOwner.current = null;
    setProgress(null);
  }, []);

  const loadFile = useCallback(
    async (file: File) => {
      setNotice(null);
      setText(await file.text());
    },
    [setNotice, setText],
  );

  const needsRunId = result !== null && choices.length > 0 && !mapsRunId(choices);
  const existing = view?.existing ?? null;
  const plan: ImportPlan = useMemo(() => {
    const planned = planImport(
      result,
      choices,
      validOnly,
      needsRunId ? runId : undefined,
      schema ? { existing, schema } : undefined,
    );
    // Nothing is written before the preview could be checked against the workbook.
    if (schema === null && planned.canImport)
      return { ...planned, canImport: false, reason: "Reading the Runs table…" };
    return planned;
  }, [result, choices, validOnly, needsRunId, runId, existing, schema]);
  const hasCurves = (result?.curves?.length ?? 0) > 0;

  const schemaNames = useMemo(() => schema?.columns.map((c) => c.name) ?? [], [schema]);
  const setTarget = useCallback(
    (source: string, pick: TargetPick) => setChoices((current) => chooseTarget(current, source, pick, schemaNames)),
    [setChoices, schemaNames],
  );

  const doImport = useCallback(async () => {
    const cells = plan.cells;
    if (!plan.canImport || !cells) return;
    const added = newSchemaColumns(choices);
    const hasSchemaTable = view?.hasSchemaTable ?? false;
    const outcome = await guard(async () => {
      if (added.length > 0 && hasSchemaTable)
        await gateway.addSchemaColumns(
          schemaToRows({ columns: added })
            .slice(1)
            .map((r) => r.map((v) => v ?? "")),
        );
      const appended = await gateway.appendRuns(cells.header, cells.cells, cells.textCells);
      // Each run's curves go to History under the id it was written with (one run or many).
      const points = hasCurves && keepHistory ? historyRows(result?.curves, plan, appended.skipped) : [];
      const history = points.length > 0 ? await gateway.appendHistory(points) : null;
      return { ...appended, history };
    });
    if (!outcome) return;
    const parts = [
      `Imported ${outcome.appended} run${outcome.appended === 1 ? "" : "s"} into "${outcome.sheet}"${outcome.appended > 0 ? ` from row ${outcome.firstRow}` : ""}.`,
    ];
    if (outcome.skipped.length > 0) parts.push(`${outcome.skipped.length} already there (same run id) were skipped.`);
    if (outcome.addedColumns.length > 0) parts.push(`New columns: ${outcome.addedColumns.join(", ")}.`);
    if (outcome.history && outcome.history.appended > 0)
      parts.push(`${outcome.history.appended} curve points kept in the History table (Curves sheet).`);
    const sentence = parts.join(" ");
    setNotice(sentence);
    announce(sentence);
    focusResult(IMPORT_NOTICE_ID);
    // The paste is in the workbook now; kept, it would only read as duplicates of itself.
    setText("");
    setResult(null);
    setParsedFor({ text: "", format: formatChoice });
    notifyChanged();
  }, [
    plan,
    choices,
    gateway,
    guard,
    view,
    notifyChanged,
    hasCurves,
    keepHistory,
    result,
    setNotice,
    setText,
    setResult,
    setParsedFor,
    formatChoice,
    announce,
  ]);

  return {
    text,
    setText: (value: string) => {
      setNotice(null);
      setText(value);
    },
    formatChoice,
    setFormatChoice,
    detected,
    result,
    progress,
    cancelParse,
    loadFile,
    choices,
    schemaNames,
    setTarget,
    validOnly,
    setValidOnly,
    needsRunId,
    runId,
    setRunId,
    hasCurves,
    keepHistory,
    setKeepHistory,
    plan,
    doImport,
    busy,
    error,
    dismiss,
    notice,
  };
}
