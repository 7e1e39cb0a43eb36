import { describe, expect, it } from "vitest";
import { ownerDraft } from "../../src/taskpane/components/EnvironmentsTab/owner-name";

describe("owner default", () => {
  it("fills the owner field with the stored name, matched case-insensitively", () => {
    expect(ownerDraft(["run_id", "Owner"], " ana ")).toEqual({ Owner: "ana" });
  });
  it("leaves the draft alone without a name or an owner column", () => {
    expect(ownerDraft(["run_id", "owner"], "")).toEqual({});
    expect(ownerDraft(["run_id"], "ana")).toEqual({});
  });
});
