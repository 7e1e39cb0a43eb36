import type { RunSchema } from "./schema-types";

/**
 * The schema "Create tracker" starts from: the columns every tracker needs, which cover
 * the seven steps of the seeds (hypothesis, data, hyperparameters, tracking, results, recipe).
 * Users add and edit columns in the Schema sheet afterwards.
 */
export const DEFAULT_SCHEMA: RunSchema = {
  columns: [
    { name: "run_id", type: "text", role: "id", required: true, description: "Unique id of the run" },
    {
      name: "experiment",
      type: "text",
      role: "tag",
      required: true,
      description: "Experiment the run belongs to (see Experiments)",
    },
    { name: "hypothesis", type: "text", role: "meta", description: "What this run is meant to show" },
    { name: "model", type: "text", role: "param", description: "Model or architecture" },
    { name: "dataset", type: "text", role: "data", description: "Dataset name and version" },
    { name: "n_images", type: "integer", role: "data", min: 0, description: "Number of training examples" },
    { name: "layers", type: "integer", role: "param", min: 1 },
    { name: "learning_rate", type: "number", role: "param", min: 0 },
    {
      name: "seed",
      type: "integer",
      role: "meta",
      description: "Random seed: runs differing only by seed are replicates",
    },
    {
      name: "status",
      type: "choice",
      role: "meta",
      choices: ["running", "finished", "failed", "killed"],
      description: "Only finished runs compete for best",
    },
    { name: "started", type: "datetime", role: "meta" },
    { name: "accuracy", type: "number", role: "metric", min: 0, max: 1, goal: "max" },
    { name: "val_loss", type: "number", role: "metric", min: 0, goal: "min" },
    { name: "notes", type: "text", role: "meta" },
    {
      name: "code_version",
      type: "text",
      role: "meta",
      recipe: true,
      description: "Git commit (7-40 hex) or a URL to it",
    },
    { name: "data_version", type: "text", role: "meta", recipe: true, description: "Data name plus hash, or a URL" },
    {
      name: "environment",
      type: "text",
      role: "meta",
      recipe: true,
      description: "Environment id (Environments sheet)",
    },
    { name: "hardware", type: "text", role: "meta" },
    { name: "command", type: "text", role: "meta", recipe: true, description: "Command line that re-runs it" },
    { name: "owner", type: "text", role: "meta" },
  ],
};
