/**
 * Keyboard movement in the indicator grid, spreadsheet style: arrows move between cells (left/right only when the
 * caret is at the edge of the text), Enter moves down (Shift+Enter up), Tab/Shift+Tab move right/left and wrap to
 * the next/previous row, Home/End with Ctrl go to the first/last row. Pure: the caller applies the result.
 */

export interface CellPos {
  row: number;
  col: number;
}

export interface NavKey {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export interface CaretInfo {
  /** caret at the very start of the text (or the cell is not a text box) */
  atStart: boolean;
  /** caret at the very end */
  atEnd: boolean;
  /** a multi-line text box where Up/Down/Enter belong to the text */
  multiline?: boolean;
  /** a select or similar where Up/Down choose an option */
  ownsVerticalKeys?: boolean;
}

/** The cell to go to, or null when the key is not a movement (or the move would leave the grid). */
export function nextCell(pos: CellPos, e: NavKey, rows: number, cols: number, caret: CaretInfo): CellPos | null {
  if (rows <= 0 || cols <= 0 || e.altKey) return null;
  const clamp = (p: CellPos): CellPos | null =>
    p.row < 0 || p.row >= rows || p.col < 0 || p.col >= cols || (p.row === pos.row && p.col === pos.col) ? null : p;
  const mod = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case 'ArrowUp':
      if (caret.multiline || caret.ownsVerticalKeys) return null;
      return clamp({ row: pos.row - 1, col: pos.col });
    case 'ArrowDown':
      if (caret.multiline || caret.ownsVerticalKeys) return null;
      return clamp({ row: pos.row + 1, col: pos.col });
    case 'ArrowLeft':
      if (!caret.atStart) return null;
      return clamp({ row: pos.row, col: pos.col - 1 });
    case 'ArrowRight':
      if (!caret.atEnd) return null;
      return clamp({ row: pos.row, col: pos.col + 1 });
    case 'Enter':
      if (caret.multiline && !mod) return null;
      if (caret.ownsVerticalKeys) return null;
      return clamp({ row: pos.row + (e.shiftKey ? -1 : 1), col: pos.col });
    case 'Tab': {
      if (e.shiftKey) {
        if (pos.col > 0) return { row: pos.row, col: pos.col - 1 };
        return pos.row > 0 ? { row: pos.row - 1, col: cols - 1 } : null;
      }
      if (pos.col < cols - 1) return { row: pos.row, col: pos.col + 1 };
      return pos.row < rows - 1 ? { row: pos.row + 1, col: 0 } : null;
    }
    case 'Home':
      return mod ? clamp({ row: 0, col: pos.col }) : null;
    case 'End':
      return mod ? clamp({ row: rows - 1, col: pos.col }) : null;
    case 'PageUp':
      return clamp({ row: Math.max(0, pos.row - 10), col: pos.col });
    case 'PageDown':
      return clamp({ row: Math.min(rows - 1, pos.row + 10), col: pos.col });
    default:
      return null;
  }
}

/** The first and last row to render for a scroll position (fixed row height), with `overscan` rows either side. */
export function visibleRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  rows: number,
  overscan = 8,
): { start: number; end: number } {
  if (rows === 0) return { start: 0, end: -1 };
  const top = Math.max(0, scrollTop);
  const first = Math.floor(top / rowHeight);
  const last = Math.floor((top + Math.max(1, viewport) - 1) / rowHeight);
  const start = Math.min(rows - 1, Math.max(0, first - overscan));
  const end = Math.min(rows - 1, last + overscan);
  return { start, end };
}

/** The scrollTop that brings row `row` into view (unchanged when it already is). */
export function scrollToRow(row: number, scrollTop: number, viewport: number, rowHeight: number, header = 0): number {
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport - header) return Math.max(0, bottom - viewport + header);
  return scrollTop;
}
