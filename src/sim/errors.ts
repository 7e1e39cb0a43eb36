// The error shape Office JS rejects context.sync() with, and the codes/messages the simulator uses.
// https://learn.microsoft.com/en-us/javascript/api/office/officeextension.error
// https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling

export interface SimDebugInfo {
  code: string;
  message: string;
  /** Object.member where the failing statement ran, e.g. "Range.values". */
  errorLocation?: string;
  /** The statement that failed, written the way the add-in would have written it. */
  statement?: string;
  surroundingStatements?: string[];
  fullStatements?: string[];
}

/** Mirrors OfficeExtension.Error: `code`, `message`, `debugInfo`, `name`. */
export class SimOfficeError extends Error {
  override name = "OfficeExtension.Error";
  readonly code: string;
  readonly debugInfo: SimDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: Error | null = null;

  constructor(code: string, message: string, location?: string, statement?: string) {
    super(message);
    this.code = code;
    const debugInfo: SimDebugInfo = { code, message };
    if (location !== undefined) debugInfo.errorLocation = location;
    if (statement !== undefined) debugInfo.statement = statement;
    this.debugInfo = debugInfo;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** Codes thrown by the simulator, spelled exactly as Excel.ErrorCodes / OfficeExtension.ErrorCodes. */
export const Codes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidObjectPath: "InvalidObjectPath",
  invalidRequestContext: "InvalidRequestContext",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  runMustReturnPromise: "RunMustReturnPromise",
  unsupportedOperation: "UnsupportedOperation",
} as const;

/** What Excel says while the user edits a cell (with either code, see hosts.ts). */
export const MESSAGE_CELL_EDIT =
  "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.";

const MESSAGES: Record<string, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation is invalid for this object.",
  InvalidReference: "This reference isn't valid for the current operation.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. See https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.",
  InvalidOperationInCellEditMode: MESSAGE_CELL_EDIT,
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  UnsupportedOperation: "The operation being attempted is not supported.",
};

/** Builds the error Excel would report for `code` (optional detail appended to the standard message). */
export function officeError(code: string, location?: string, detail?: string, statement?: string): SimOfficeError {
  const base = MESSAGES[code] ?? code;
  return new SimOfficeError(code, detail ? `${base} ${detail}` : base, location, statement);
}

/** The synchronous error thrown when reading a property that was not loaded and synced. */
export function propertyNotLoaded(type: string, prop: string): SimOfficeError {
  return new SimOfficeError(
    Codes.propertyNotLoaded,
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}
