/**
 * "Your name" for the owner column. Excel gives a task pane no signed-in user: the documented
 * user profile (Office.context.mailbox.userProfile) is Outlook's, and an identity token needs
 * SSO (OfficeRuntime.auth.getAccessToken with a WebApplicationInfo in the manifest and a
 * Microsoft Entra app). So the name is a setting, kept per person in this browser rather than
 * in the workbook, which co-authors share; the owner values themselves live in the Runs table.
 */
const OWNER_KEY = "RunSheet.ownerName";

/** The stored name, or "" when none is set or storage is unavailable. */
export function readOwnerName(): string {
  try {
    return globalThis.localStorage?.getItem(OWNER_KEY) ?? "";
  } catch {
    return "";
  }
}

/** Stores the name; blocked storage (private mode) keeps it for this session only. */
export function saveOwnerName(name: string): void {
  try {
    globalThis.localStorage?.setItem(OWNER_KEY, name);
  } catch {
    // Remembering the name is a convenience only.
  }
}

/** The draft value for a Log run form: the owner field set to the stored name, when both exist. */
export function ownerDraft(fieldNames: readonly string[], name: string = readOwnerName()): Record<string, string> {
  const owner = fieldNames.find((n) => n.toLowerCase() === "owner");
  return owner && name.trim() !== "" ? { [owner]: name.trim() } : {};
}
