import { createContext, useContext } from "react";
import type { WorkbookGateway } from "../excel/index";

export interface WorkbookContextValue {
  gateway: WorkbookGateway;
  /** Bumped whenever the pane changed the workbook's layout or runs, so tabs refresh. */
  revision: number;
  notifyChanged: () => void;
}

export const WorkbookContext = createContext<WorkbookContextValue | null>(null);

/** The workbook gateway and change counter App provides. */
export function useWorkbook(): WorkbookContextValue {
  const value = useContext(WorkbookContext);
  if (!value) throw new Error("useWorkbook must be used inside <App>.");
  return value;
}
