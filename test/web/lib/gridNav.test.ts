import { describe, expect, it } from 'vitest';
import { nextCell, scrollToRow, visibleRange } from '../../../web/src/lib/gridNav.js';

const edge = { atStart: true, atEnd: true };
const middle = { atStart: false, atEnd: false };

describe('nextCell', () => {
  it('moves with the arrows, Enter and Tab', () => {
    const p = { row: 2, col: 3 };
    expect(nextCell(p, { key: 'ArrowUp' }, 10, 8, edge)).toEqual({ row: 1, col: 3 });
    expect(nextCell(p, { key: 'ArrowDown' }, 10, 8, edge)).toEqual({ row: 3, col: 3 });
    expect(nextCell(p, { key: 'ArrowLeft' }, 10, 8, edge)).toEqual({ row: 2, col: 2 });
    expect(nextCell(p, { key: 'ArrowRight' }, 10, 8, edge)).toEqual({ row: 2, col: 4 });
    expect(nextCell(p, { key: 'Enter' }, 10, 8, edge)).toEqual({ row: 3, col: 3 });
    expect(nextCell(p, { key: 'Enter', shiftKey: true }, 10, 8, edge)).toEqual({ row: 1, col: 3 });
    expect(nextCell(p, { key: 'Tab' }, 10, 8, edge)).toEqual({ row: 2, col: 4 });
    expect(nextCell(p, { key: 'Tab', shiftKey: true }, 10, 8, edge)).toEqual({ row: 2, col: 2 });
  });

  it('leaves left/right to the text while the caret is inside it', () => {
    const p = { row: 2, col: 3 };
    expect(nextCell(p, { key: 'ArrowLeft' }, 10, 8, middle)).toBeNull();
    expect(nextCell(p, { key: 'ArrowRight' }, 10, 8, middle)).toBeNull();
    expect(nextCell(p, { key: 'ArrowRight' }, 10, 8, { atStart: false, atEnd: true })).toEqual({ row: 2, col: 4 });
    expect(nextCell(p, { key: 'ArrowUp' }, 10, 8, middle)).toEqual({ row: 1, col: 3 });
  });

  it('leaves Up/Down/Enter to selects and multi-line boxes', () => {
    const p = { row: 2, col: 1 };
    expect(nextCell(p, { key: 'ArrowDown' }, 10, 8, { ...edge, ownsVerticalKeys: true })).toBeNull();
    expect(nextCell(p, { key: 'Enter' }, 10, 8, { ...edge, ownsVerticalKeys: true })).toBeNull();
    expect(nextCell(p, { key: 'Enter' }, 10, 8, { ...edge, multiline: true })).toBeNull();
    expect(nextCell(p, { key: 'Enter', ctrlKey: true }, 10, 8, { ...edge, multiline: true })).toEqual({
      row: 3,
      col: 1,
    });
  });

  it('wraps Tab across rows and stops at the edges of the grid', () => {
    expect(nextCell({ row: 2, col: 7 }, { key: 'Tab' }, 10, 8, edge)).toEqual({ row: 3, col: 0 });
    expect(nextCell({ row: 2, col: 0 }, { key: 'Tab', shiftKey: true }, 10, 8, edge)).toEqual({ row: 1, col: 7 });
    expect(nextCell({ row: 9, col: 7 }, { key: 'Tab' }, 10, 8, edge)).toBeNull();
    expect(nextCell({ row: 0, col: 0 }, { key: 'Tab', shiftKey: true }, 10, 8, edge)).toBeNull();
    expect(nextCell({ row: 0, col: 0 }, { key: 'ArrowUp' }, 10, 8, edge)).toBeNull();
    expect(nextCell({ row: 9, col: 0 }, { key: 'ArrowDown' }, 10, 8, edge)).toBeNull();
    expect(nextCell({ row: 0, col: 0 }, { key: 'ArrowLeft' }, 10, 8, edge)).toBeNull();
    expect(nextCell({ row: 4, col: 2 }, { key: 'End', ctrlKey: true }, 10, 8, edge)).toEqual({ row: 9, col: 2 });
    expect(nextCell({ row: 4, col: 2 }, { key: 'PageDown' }, 10, 8, edge)).toEqual({ row: 9, col: 2 });
    expect(nextCell({ row: 4, col: 2 }, { key: 'a' }, 10, 8, edge)).toBeNull();
    expect(nextCell({ row: 4, col: 2 }, { key: 'ArrowDown', altKey: true }, 10, 8, edge)).toBeNull();
  });
});

describe('virtual scrolling', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(visibleRange(0, 400, 36, 300, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(3600, 400, 36, 300, 5)).toEqual({ start: 95, end: 116 });
    expect(visibleRange(99999, 400, 36, 300, 5).end).toBe(299);
    expect(visibleRange(0, 400, 36, 0)).toEqual({ start: 0, end: -1 });
  });
  it('scrolls just enough to show a row', () => {
    expect(scrollToRow(0, 100, 400, 36)).toBe(0);
    expect(scrollToRow(5, 0, 400, 36)).toBe(0);
    expect(scrollToRow(20, 0, 400, 36)).toBe(21 * 36 - 400);
    expect(scrollToRow(20, 21 * 36 - 400, 400, 36)).toBe(21 * 36 - 400);
  });
});
