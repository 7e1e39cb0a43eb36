// How the playground paints Excel tables: a few families approximating Excel's built-in styles.
import type { TableModel } from "../sim";

export interface TablePaint {
  headerFill?: string | undefined;
  headerColor?: string | undefined;
  headerBold: boolean;
  bandFill?: string | undefined;
}

/** Colours close to Excel's default theme for TableStyleLight/Medium/Dark N. */
export function tablePaint(table: TableModel): TablePaint {
  const m = /^TableStyle(Light|Medium|Dark)(\d+)$/.exec(table.style);
  const family = m?.[1] ?? "Medium";
  const n = Number(m?.[2] ?? 2);
  // Style 1 of each family is neutral; 2..7 follow the theme accents (blue, orange, green, ...), then repeat.
  const accents = ["#156082", "#E97132", "#196B24", "#0F9ED5", "#A02B93", "#4EA72E"];
  const accent = n % 7 === 1 ? "#404040" : (accents[((n % 7) + 4) % 6] ?? "#156082");
  const band = table.showBandedRows;
  if (family === "Light")
    return {
      headerBold: true,
      headerColor: n >= 8 ? "#FFFFFF" : undefined,
      headerFill: n >= 8 ? accent : undefined,
      bandFill: band ? "#F2F2F2" : undefined,
    };
  if (family === "Dark")
    return { headerBold: true, headerColor: "#FFFFFF", headerFill: "#000000", bandFill: band ? "#D9D9D9" : undefined };
  return { headerBold: true, headerColor: "#FFFFFF", headerFill: accent, bandFill: band ? `${accent}22` : undefined };
}
