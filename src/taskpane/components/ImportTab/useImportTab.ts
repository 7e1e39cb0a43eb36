import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { inferSchema, schemaToRows, type RunSchema } from "../../../core/index";
import { detectFormat, mapColumns, type FormatName, type ParseResult } from "../../../core/parse/index";
import { DEFAULT_SCHEMA } from "../../../excel/index";
import {
  historyRows,
  initialChoices,
  isLargePaste,
  mapsRunId,
  newSchemaColumns,
  planImport,
  type MappingChoice,
} from "../../logic/importPlan";
import {
  parseHere,
  parseInWorker,
  startParseWorker,
  WorkerBrokenError,
  type ParseJob,
  type WorkerLike,
} from "../../logic/parseClient";
import { focusResult, useAnnounce } from "../../PaneState";
import { useWorkbook } from "../../WorkbookContext";
import { useEdgeErrors } from "../ErrorBar/useEdgeErrors";

export type FormatChoice = FormatName | "auto";

/** Quiet period after typing before a small paste is parsed again. */
const PARSE_DELAY_MS = 300;

/** Where focus goes after an import: the sentence that says what was written. */
export const IMPORT_NOTICE_ID = "import-notice";

/** State and actions of the Import tab: paste/file, format, preview, mapping, import. */
export function useImportTab() {
  const { gateway, revision, notifyChanged } = useWorkbook();
  const announce = useAnnounce();
  const { error, busy, guard, dismiss, setError } = useEdgeErrors();
  const [text, setText] = useState("");
  const [formatChoice, setFormatChoice] = useState<FormatChoice>("auto");
  const [result, setResult] = useState<ParseResult | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [choices, setChoices] = useState<MappingChoice[]>([]);
  const [validOnly, setValidOnly] = useState(false);
  const [schema, setSchema] = useState<RunSchema | null>(null);
  const [hasSchemaTable, setHasSchemaTable] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [runId, setRunId] = useState("");
  const [keepHistory, setKeepHistory] = useState(true);
  const job = useRef<ParseJob | null>(null);
  const progressOwner = useRef<object | null>(null);
  const worker = useRef<WorkerLike | null>(null);

  // The schema columns are mapped against: the Schema sheet's, else inferred from the runs, else the default.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      // The Schema sheet is small; the runs are only read when there is no schema table to map against.
      const table = await guard(() => gateway.readSchema());
      if (cancelled || table === undefined) return;
      setHasSchemaTable(table !== null);
      if (table && table.schema.columns.length > 0) {
        setSchema(table.schema);
        return;
      }
      const snapshot = await guard(() => gateway.read());
      if (!snapshot || cancelled) return;
      if (snapshot.runs) setSchema(inferSchema(snapshot.runs.grid, { rowOffset: snapshot.runs.rowOffset }).schema);
      else setSchema(DEFAULT_SCHEMA);
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
        if (parsed) setResult(parsed);
      } catch (e) {
        setError(e instanceof Error ? e.message : "The parser stopped unexpectedly.");
      } finally {
        if (job.current === started) {
          job.current = null;
          setProgress(null);
        }
      }
    },
    [setError],
  );

  useEffect(() => {
    const handle = setTimeout(() => void runParse(text, formatChoice), PARSE_DELAY_MS);
    return () => clearTimeout(handle);
  }, [text, formatChoice, runParse]);

  // New parse result or schema: propose the mapping again.
  useEffect(() => {
    if (!result) {
      setChoices([]);
      return;
    }
    setChoices(initialChoices(mapColumns(result.columns, schema ?? DEFAULT_SCHEMA, result.rows), result));
  }, [result, schema]);

  const cancelParse = useCallback(() => {
    job.current?.cancel();
    job.current = null;
    progressOwner.current = null;
    setProgress(null);
  }, []);

  const loadFile = useCallback(async (file: File) => {
    setNotice(null);
    setText(await file.text());
  }, []);

  const needsRunId = result !== null && choices.length > 0 && !mapsRunId(choices);
  const plan = useMemo(
    () => planImport(result, choices, validOnly, needsRunId ? runId : undefined),
    [result, choices, validOnly, needsRunId, runId],
  );
  const hasCurves = (result?.curves?.length ?? 0) > 0;

  const toggleAdd = useCallback((source: string, add: boolean) => {
    setChoices((current) => current.map((c) => (c.source === source ? { ...c, addToSchema: add } : c)));
  }, []);

  const doImport = useCallback(async () => {
    const cells = plan.cells;
    if (!plan.canImport || !cells) return;
    const added = newSchemaColumns(choices);
    const outcome = await guard(async () => {
      if (added.length > 0 && hasSchemaTable)
        await gateway.addSchemaColumns(
          schemaToRows({ columns: added })
            .slice(1)
            .map((r) => r.map((v) => v ?? "")),
        );
      const appended = await gateway.appendRuns(cells.header, cells.cells, cells.textCells);
      // A step log is one run: its curves go to History under that run's id.
      const firstId = cells.header[0] === "run_id" ? String(cells.cells[0]?.[0] ?? "") : "";
      const history =
        hasCurves && keepHistory && cells.cells.length === 1
          ? await gateway.appendHistory(historyRows(result?.curves, firstId))
          : null;
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
    notifyChanged();
  }, [plan, choices, gateway, guard, hasSchemaTable, notifyChanged, hasCurves, keepHistory, result, announce]);

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
    toggleAdd,
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
