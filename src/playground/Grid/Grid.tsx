// The simulated worksheet as a virtualised grid: only the rows in view are rendered, so a
// 5,000-run sheet scrolls as smoothly as a 10-run one. Typing, Delete and paste go through the
// simulator's user-edit API, which fires worksheet onChanged (source "Local") like Excel.
import { mergeClasses } from "@fluentui/react-components";
import {
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { columnLetter } from "../../core/grid";
import { type ExcelSimulator, type SheetModel, type TableModel, cellAddress, formatText } from "../../sim";
import { tablePaint } from "../table-style";
import { HEADER_HEIGHT, ROW_HEADER_WIDTH, ROW_HEIGHT, useGridStyles } from "./Grid.styles";

export interface CellPos {
  r: number;
  c: number;
}

export interface GridProps {
  sim: ExcelSimulator;
  sheet: SheetModel;
  /** Bumped on every workbook change so the grid re-reads the model. */
  version: number;
  selected: CellPos;
  onSelect: (pos: CellPos) => void;
  /** Reports user-edit failures (e.g. a protected sheet). */
  onError: (message: string) => void;
  /** Drawn over the grid, positioned in the same coordinate space (charts). */
  overlay?: (layout: { left: number; top: number }) => ReactNode;
}

/** Excel column widths are points; the screen wants pixels (96 dpi). */
const ptToPx = (pt: number): number => Math.round((pt * 4) / 3);

export function Grid({ sim, sheet, version, selected, onSelect, onError, overlay }: GridProps) {
  const styles = useGridStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  const [editing, setEditing] = useState<{ pos: CellPos; text: string } | null>(null);
  const model = sim.workbook;

  const used = useMemo(() => model.usedRect(sheet, false), [model, sheet, version]); // eslint-disable-line react-hooks/exhaustive-deps -- version marks model changes
  const rowCount = Math.max((used?.r1 ?? 0) + 30, 60);
  const colCount = Math.max((used?.c1 ?? 0) + 3, 16);
  const widths = useMemo(
    () => Array.from({ length: colCount }, (_, c) => ptToPx(sheet.colWidths.get(c) ?? 48)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version marks model changes
    [sheet, colCount, version],
  );
  const lefts = useMemo(() => {
    const out: number[] = [];
    let x = ROW_HEADER_WIDTH;
    for (const w of widths) {
      out.push(x);
      x += w;
    }
    return out;
  }, [widths]);
  const totalWidth = (lefts[lefts.length - 1] ?? ROW_HEADER_WIDTH) + (widths[widths.length - 1] ?? 0);
  const frozen = Math.min(sheet.freezeRows, rowCount);
  const tables = useMemo(() => model.tablesOn(sheet.id), [model, sheet, version]); // eslint-disable-line react-hooks/exhaustive-deps -- version marks model changes

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setScroll({ top: el.scrollTop, height: el.clientHeight });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the selected cell in view when moving with the keyboard.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const top = HEADER_HEIGHT + selected.r * ROW_HEIGHT;
    const frozenBottom = HEADER_HEIGHT + frozen * ROW_HEIGHT;
    if (selected.r >= frozen && top < el.scrollTop + frozenBottom) el.scrollTop = top - frozenBottom;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selected, frozen]);

  const first = Math.max(frozen, Math.floor(scroll.top / ROW_HEIGHT) - 2);
  const last = Math.min(rowCount - 1, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + 2);

  const tableAt = useCallback(
    (r: number, c: number): TableModel | undefined =>
      tables.find((t) => r >= t.rect.r0 && r <= t.rect.r1 && c >= t.rect.c0 && c <= t.rect.c1),
    [tables],
  );

  const commit = useCallback(
    (pos: CellPos, text: string) => {
      try {
        sim.userEdit(sheet.name, cellAddress(pos.r, pos.c), text);
      } catch (e) {
        onError(e instanceof Error ? e.message : String(e));
      }
    },
    [sim, sheet.name, onError],
  );

  const startEdit = useCallback(
    (pos: CellPos, text?: string) => {
      const cell = model.cellAt(sheet, pos.r, pos.c);
      sim.setCellEditMode(true);
      setEditing({ pos, text: text ?? cell?.f ?? (cell ? formatText(cell) : "") });
    },
    [model, sheet, sim],
  );
  // Enter commits and then unmounts the editor, whose blur would commit a second time: the ref
  // makes ending an edit happen once.
  const editingOpen = useRef(false);
  useEffect(() => {
    editingOpen.current = editing !== null;
  }, [editing]);
  const endEdit = useCallback(
    (save: boolean, move?: CellPos) => {
      if (!editingOpen.current) return;
      editingOpen.current = false;
      sim.setCellEditMode(false);
      if (editing && save) commit(editing.pos, editing.text);
      setEditing(null);
      if (move) onSelect(move);
      scroller.current?.focus();
    },
    [editing, sim, commit, onSelect],
  );

  const move = (dr: number, dc: number): CellPos => ({
    r: Math.max(0, selected.r + dr),
    c: Math.min(colCount - 1, Math.max(0, selected.c + dc)),
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const keys: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, e.shiftKey ? -1 : 1],
    };
    const delta = keys[e.key];
    if (delta) {
      e.preventDefault();
      onSelect(move(delta[0], delta[1]));
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEdit(selected);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      commit(selected, "");
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(selected, e.key);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const text = e.clipboardData.getData("text/plain");
    if (!text) return;
    e.preventDefault();
    try {
      sim.userPaste(sheet.name, cellAddress(selected.r, selected.c), text);
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    }
  };

  const renderCell = (r: number, c: number): ReactNode => {
    const cell = model.cellAt(sheet, r, c);
    const address = cellAddress(r, c);
    const text = formatText(cell);
    const style: React.CSSProperties = { width: widths[c] };
    const t = tableAt(r, c);
    if (t) {
      const paint = tablePaint(t);
      if (t.showHeaders && r === t.rect.r0) {
        if (paint.headerFill) style.backgroundColor = paint.headerFill;
        if (paint.headerColor) style.color = paint.headerColor;
        style.fontWeight = 600;
      } else if (paint.bandFill && (r - t.rect.r0) % 2 === 1) style.backgroundColor = paint.bandFill;
    }
    const ds = sim.displayStyle(sheet.name, r, c);
    if (ds.fill) style.backgroundColor = ds.fill;
    if (ds.color) style.color = ds.color;
    if (ds.bold) style.fontWeight = 700;
    if (ds.italic) style.fontStyle = "italic";
    const isSel = selected.r === r && selected.c === c;
    const align =
      typeof cell?.v === "number"
        ? styles.number
        : typeof cell?.v === "boolean" || cell?.err
          ? styles.center
          : undefined;
    return (
      <div
        key={c}
        role="gridcell"
        aria-colindex={c + 2}
        aria-selected={isSel}
        aria-label={text ? `${address}: ${text}` : address}
        data-address={address}
        className={mergeClasses(styles.cell, align, isSel && styles.selected, r === frozen - 1 && styles.frozenEdge)}
        style={style}
        onMouseDown={() => onSelect({ r, c })}
        onDoubleClick={() => startEdit({ r, c })}
      >
        {text}
      </div>
    );
  };

  const renderRow = (r: number, sticky: boolean): ReactNode => (
    <div
      key={r}
      role="row"
      aria-rowindex={r + 2}
      className={sticky ? styles.stickyRow : styles.row}
      style={sticky ? { width: totalWidth } : { top: HEADER_HEIGHT + r * ROW_HEIGHT, width: totalWidth }}
    >
      <div role="rowheader" className={mergeClasses(styles.rowHeader, selected.r === r && styles.headerActive)}>
        {r + 1}
      </div>
      {widths.map((_, c) => renderCell(r, c))}
    </div>
  );

  const rows: ReactNode[] = [];
  for (let r = first; r <= last; r++) rows.push(renderRow(r, false));

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label={`Worksheet ${sheet.name}`}
      aria-rowcount={rowCount + 1}
      aria-colcount={colCount + 1}
      aria-multiselectable={false}
      tabIndex={0}
      data-testid="sim-grid"
      onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
    >
      <div className={styles.canvas} style={{ height: HEADER_HEIGHT + rowCount * ROW_HEIGHT, width: totalWidth }}>
        <div className={styles.sticky} style={{ width: totalWidth }}>
          <div role="row" aria-rowindex={1} className={styles.stickyRow} style={{ height: HEADER_HEIGHT }}>
            <div
              role="columnheader"
              aria-label="Select all"
              className={mergeClasses(styles.colHeader, styles.corner)}
              style={{ width: ROW_HEADER_WIDTH }}
            />
            {widths.map((w, c) => (
              <div
                key={c}
                role="columnheader"
                className={mergeClasses(styles.colHeader, selected.c === c && styles.headerActive)}
                style={{ width: w }}
              >
                {columnLetter(c)}
              </div>
            ))}
          </div>
          {Array.from({ length: frozen }, (_, r) => renderRow(r, true))}
        </div>
        {rows}
        {overlay?.({ left: ROW_HEADER_WIDTH, top: HEADER_HEIGHT })}
        {editing && (
          <input
            aria-label={`Edit ${cellAddress(editing.pos.r, editing.pos.c)}`}
            data-testid="cell-editor"
            className={styles.editor}
            style={{
              left: lefts[editing.pos.c],
              top:
                editing.pos.r < frozen
                  ? scroll.top + HEADER_HEIGHT + editing.pos.r * ROW_HEIGHT
                  : HEADER_HEIGHT + editing.pos.r * ROW_HEIGHT,
              width: Math.max(widths[editing.pos.c] ?? 64, 120),
            }}
            autoFocus
            value={editing.text}
            onChange={(e) => setEditing({ pos: editing.pos, text: e.target.value })}
            onBlur={() => endEdit(true)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                endEdit(true, { r: editing.pos.r + 1, c: editing.pos.c });
              } else if (e.key === "Tab") {
                e.preventDefault();
                endEdit(true, { r: editing.pos.r, c: editing.pos.c + 1 });
              } else if (e.key === "Escape") {
                e.preventDefault();
                endEdit(false);
              }
            }}
          />
        )}
      </div>
    </div>
  );
}
