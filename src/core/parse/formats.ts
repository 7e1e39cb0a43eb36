/** The formats the pane's format picker offers, with the labels users see. */
import type { FormatName } from "./types";

export interface FormatOption {
  name: FormatName;
  label: string;
}

/** Every selectable format, in the order the picker lists them. */
export const FORMAT_OPTIONS: readonly FormatOption[] = [
  { name: "csv", label: "CSV (comma)" },
  { name: "csv-semicolon", label: "CSV (semicolon, decimal comma)" },
  { name: "tsv", label: "TSV / Excel clipboard" },
  { name: "json", label: "JSON (object or array)" },
  { name: "jsonl", label: "JSON Lines" },
  { name: "keyvalue", label: "key=value lines" },
  { name: "pydict", label: "Python dict lines (Hugging Face Trainer)" },
  { name: "markdown", label: "Markdown table" },
  { name: "mlflow", label: "MLflow search_runs CSV" },
  { name: "mlflow-ui", label: "MLflow UI CSV export" },
  { name: "wandb", label: "Weights & Biases CSV export" },
  { name: "dvc-csv", label: "DVC exp show --csv" },
  { name: "dvc-json", label: "DVC exp show --json" },
  { name: "keras", label: "Keras CSVLogger (per epoch)" },
  { name: "lightning", label: "Lightning CSVLogger metrics.csv" },
  { name: "hf-trainer-state", label: "Hugging Face trainer_state.json" },
  { name: "hf-log-metrics", label: "Hugging Face log_metrics blocks" },
  { name: "dvc-md", label: "DVC exp show --md" },
  { name: "dvc-metrics-json", label: "DVC metrics show --json" },
  { name: "dvc-metrics-md", label: "DVC metrics show --md" },
  { name: "tensorboard-hparams", label: "TensorBoard HParams JSON export" },
  { name: "metric-history", label: "Metric history, long format (run, key, value, step)" },
  { name: "sklearn-cv", label: "scikit-learn cv_results_ CSV" },
  { name: "optuna", label: "Optuna trials_dataframe() CSV" },
  { name: "wandb-dataframe", label: "W&B runs DataFrame CSV (summary, config)" },
  { name: "json-by-key", label: "JSON object keyed by run id" },
];

/** Label of a format, for messages. */
export function formatLabel(name: FormatName): string {
  return FORMAT_OPTIONS.find((f) => f.name === name)?.label ?? name;
}
