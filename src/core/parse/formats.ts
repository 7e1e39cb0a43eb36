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
];

/** Label of a format, for messages. */
export function formatLabel(name: FormatName): string {
  return FORMAT_OPTIONS.find((f) => f.name === name)?.label ?? name;
}
