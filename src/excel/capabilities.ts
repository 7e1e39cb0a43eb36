/**
 * Requirement-set detection, so features degrade gracefully on older hosts instead of crashing.
 * https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements
 */
export interface Capabilities {
  /** ExcelApi 1.4: workbook settings, table column names, `*OrNullObject`. */
  settings: boolean;
  /** ExcelApi 1.6: conditional formats (issue marks). */
  conditionalFormats: boolean;
  /** ExcelApi 1.7: freeze panes and worksheet onChanged events. */
  freezePanes: boolean;
  events: boolean;
  /** ExcelApi 1.8: data validation dropdowns on the Schema sheet. */
  dataValidation: boolean;
  /** ExcelApi 1.9: page layout (print orientation, fit to page, print titles). */
  pageLayout?: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject (merged title rows of an adopted sheet). */
  mergedAreas?: boolean;
  /** ExcelApi 1.9: WorksheetCollection.onSelectionChanged (the pane follows the selection). */
  selectionEvents?: boolean;
}

/** The ExcelApi version each capability needs. */
const NEEDS: Record<keyof Capabilities, string> = {
  settings: "1.4",
  conditionalFormats: "1.6",
  freezePanes: "1.7",
  events: "1.7",
  dataValidation: "1.8",
  pageLayout: "1.9",
  mergedAreas: "1.13",
  selectionEvents: "1.9",
};

/** Something that answers `isSetSupported`, like `Office.context.requirements`. */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Capabilities as answered by a requirement checker. */
export function capabilitiesFrom(checker: RequirementChecker): Capabilities {
  const result = {} as Capabilities;
  for (const key of Object.keys(NEEDS) as (keyof Capabilities)[]) {
    let supported = false;
    try {
      supported = checker.isSetSupported("ExcelApi", NEEDS[key]);
    } catch {
      supported = false;
    }
    result[key] = supported;
  }
  return result;
}

/**
 * The current host's capabilities. Outside Office (unit tests driving the simulator without
 * installing its globals) there is nothing to ask, and a modern host is assumed.
 */
export function detectCapabilities(): Capabilities {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") {
    return {
      settings: true,
      conditionalFormats: true,
      freezePanes: true,
      events: true,
      dataValidation: true,
      pageLayout: true,
      mergedAreas: true,
      selectionEvents: true,
    };
  }
  return capabilitiesFrom(requirements);
}
