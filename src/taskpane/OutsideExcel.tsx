import { Link } from "@fluentui/react-components";

/** What the pane shows when opened outside Excel: where to use it, and the playground. */
export function OutsideExcel() {
  return (
    <main style={{ padding: 16 }}>
      <h1>RunSheet</h1>
      <p>This is an Excel add-in: open RunSheet in Excel (Home tab, RunSheet group) to use it on a workbook.</p>
      <p>
        No Excel at hand? Try it on a simulated workbook in the <Link href="playground.html">RunSheet playground</Link>.
      </p>
    </main>
  );
}
