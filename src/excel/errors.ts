/**
 * Excel errors turned into sentences for the pane's MessageBar. Office JS rejects with
 * OfficeExtension.Error (`code`, `message`, `debugInfo`); anything else is shown by its message.
 * https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes
 */
const CELL_EDIT_MESSAGE = "Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.";

const KIND_MESSAGES: Record<string, string> = {
  ItemNotFound: "RunSheet could not find its sheet or table. Use “Create tracker” on the Runs tab first.",
  ItemAlreadyExists: "Something with that name already exists in the workbook.",
  InvalidOperationInCellEditMode: CELL_EDIT_MESSAGE,
  RequestPayloadSizeLimitExceeded: "That is more data than Excel accepts in one go. Try fewer rows at a time.",
  ResponsePayloadSizeLimitExceeded: "The sheet is too large to read in one go. Try a smaller range.",
  AccessDenied: "Excel refused the change: the sheet or workbook may be protected or read-only.",
  InvalidOperation: "Excel refused the change: the sheet may be protected, or the operation is not allowed here.",
  ApiNotFound: "This version of Excel does not support that feature yet.",
  InvalidArgument: "Excel rejected the data RunSheet tried to write.",
  GeneralException: "Excel reported an unexpected problem. Please try again.",
};

/** The `code` of an OfficeExtension.Error-shaped value, if any. */
export function errorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/**
 * Cell-edit mode is documented as InvalidOperationInCellEditMode (ErrorCodes lists it in every
 * versioned ExcelApi reference); a host that reports it as a plain InvalidOperation whose
 * message says so (the simulator's pessimistic old-host profile) must not read as "the sheet
 * may be protected" either.
 * https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
 */
function isCellEditMode(code: string | undefined, error: unknown): boolean {
  if (code === "InvalidOperationInCellEditMode") return true;
  const message = error && typeof error === "object" && "message" in error ? String(error.message) : "";
  return code === "InvalidOperation" && /edit(ing)?[ -]mode/i.test(message);
}

/** A sentence a user understands, for any error thrown by the Excel layer. */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  if (isCellEditMode(code, error)) return CELL_EDIT_MESSAGE;
  if (code && KIND_MESSAGES[code]) return KIND_MESSAGES[code];
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return "Something went wrong while talking to Excel. Please try again.";
}
