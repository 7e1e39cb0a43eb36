/**
 * Ribbon function commands. Names match manifest.xml's <FunctionName>s exactly. Each runs the
 * shared action and always completes the event, even on failure, or Excel keeps the button busy.
 * A click while a cell is being edited waits for the edit to end rather than failing.
 */
import { createWorkbookGateway, describeError, excelRunAfterCellEdit } from "../excel/index";
import { markBestRunAction, validateRunsAction } from "./actions";

async function run(event: Office.AddinCommands.Event, action: () => Promise<string>): Promise<void> {
  try {
    const summary = await action();
    console.info(summary);
  } catch (error) {
    console.error(`RunSheet: ${describeError(error)}`);
  } finally {
    event.completed();
  }
}

const commandGateway = () => createWorkbookGateway(excelRunAfterCellEdit);

// Registered at load, as the function-commands docs do, so a click right after loading finds them.
Office.actions.associate("validateRuns", (event: Office.AddinCommands.Event) =>
  run(event, () => validateRunsAction(commandGateway())),
);
Office.actions.associate("markBestRun", (event: Office.AddinCommands.Event) =>
  run(event, () => markBestRunAction(commandGateway())),
);
void Office.onReady();
