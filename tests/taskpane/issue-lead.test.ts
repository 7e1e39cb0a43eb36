import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issueLead } from "../../src/taskpane/logic/issue-lead";

describe("issueLead", () => {
  it("gives line and column when the message says neither", () => {
    expect(issueLead({ line: 2, column: "status", message: '"finshed" is not one of the choices' })).toBe(
      "Line 2, status",
    );
  });

  it("leaves out the line and column a message names itself", () => {
    const message = '"0,91" in column "eval_accuracy" on line 3 is written with a decimal comma; it was read as 0.91.';
    expect(issueLead({ line: 3, column: "eval_accuracy", message })).toBe("");
    expect(issueLead({ line: 5, message: "Line 5 has 3 values but the header has 4 columns." })).toBe("");
  });

  it("keeps the line when the message names another one", () => {
    expect(
      issueLead({ line: 3, column: "run_id", message: 'The run_id "exp2-s2" is also on line 2 of the paste.' }),
    ).toBe("Line 3, run_id");
    // "line 13" is not line 1.
    expect(issueLead({ line: 1, message: "Same as line 13." })).toBe("Line 1");
  });

  it("calls a whole-text issue the paste", () => {
    expect(issueLead({ line: 0, message: "The text is empty." })).toBe("The paste");
  });

  it("never drops a position the message does not contain", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.string(),
        fc.string({ minLength: 1 }),
        (line, message, column) => {
          const lead = issueLead({ line, column, message });
          const says = (part: string) => lead.split(", ").includes(part);
          if (!new RegExp(`\\bline ${line}\\b`, "i").test(message)) expect(says(`Line ${line}`)).toBe(true);
          if (!message.includes(`"${column}"`)) expect(lead.endsWith(column)).toBe(true);
        },
      ),
    );
  });
});
