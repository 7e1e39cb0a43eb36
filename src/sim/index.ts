// Public surface of the Excel simulator (see README "Excel simulator").
export { createExcelSimulator, displayStyle } from "./simulator";
export type { ExcelSimulator, SimulatorOptions, TableInfo, ChartInfo, SeriesInfo, DisplayStyle } from "./simulator";
export type { SimStats, RequestStat, ScheduledFault, SimChangedEventArgs } from "./engine";
export { HOST_PROFILES, isSetSupported, withExcelApi, type HostName, type HostProfile } from "./hosts";
export { SimOfficeError, Codes as SimErrorCodes } from "./errors";
export { WorkbookModel, type ChangeRecord, type SheetModel, type TableModel, type ChartModel } from "./model";
export type { CellData, Scalar } from "./cell-input";
export { formatText, valueType } from "./cell-input";
export { parseAddress, formatAddress, formatRect, cellAddress, type Rect } from "./address";
