import { describe, expect, it } from 'vitest';
import {
  buildLines,
  cellText,
  continues,
  findTextTables,
  isPageNumber,
  joinWrapped,
  lineText,
  removeCjkSpacing,
  startsItem,
  textTableRow,
  type TextItem,
} from '../../../src/formats/pdf/layout.js';

const item = (str: string, x: number, y = 700, size = 12): TextItem => ({ str, x, y, w: [...str].length * size, size });

describe('line text', () => {
  it('removes spaces between CJK characters and between CJK characters and digits', () => {
    expect(removeCjkSpacing('本 部 门 7 人 ， 共 有 2 个')).toBe('本部门7人，共有2个');
    expect(removeCjkSpacing('APP 平台 and more')).toBe('APP 平台 and more');
  });

  it('drops space items and decides separation by the gap', () => {
    const items = [item('北塔', 0), item(' ', 24), { ...item('2023', 26), w: 26 }, item('年', 53)];
    expect(lineText(items)).toBe('北塔2023年');
    expect(lineText([item('张三', 0), item('电话', 24 + 30)])).toBe('张三 电话');
    expect(lineText([item('A', 0, 700, 10), item('B', 12, 700, 10)])).toBe('A B');
  });

  it('skips text drawn twice at the same place (simulated bold)', () => {
    expect(lineText([item('粗体', 0), item('粗体', 0.3)])).toBe('粗体');
  });

  it('groups items into lines by baseline', () => {
    const lines = buildLines([item('第二行', 0, 680), item('第一', 0, 700), item('行', 24, 700.8)]);
    expect(lines.map((l) => l.text)).toEqual(['第一行', '第二行']);
  });
});

describe('joining', () => {
  it('joins wrapped CJK text directly and Latin words with a space', () => {
    expect(joinWrapped('预算执行', '情况')).toBe('预算执行情况');
    expect(joinWrapped('performance', 'budget')).toBe('performance budget');
    expect(joinWrapped('312.', '95万元')).toBe('312.95万元');
  });

  it('keeps a wide gap inside a cell as a line break', () => {
    const lines = buildLines([item('第一段', 0, 700, 10), item('续行', 0, 688, 10), item('第二段', 0, 650, 10)]);
    expect(cellText(lines)).toBe('第一段续行\n第二段');
  });

  it('recognises numbered items and headings', () => {
    for (const t of ['一、基本情况', '（二）预算', '1.基本支出', '2、项目', '(3)其他', '①甲', '第二部分 说明'])
      expect(startsItem(t)).toBe(true);
    for (const t of ['2023年度', '3.46万元', '312.95', '一是完善']) expect(startsItem(t)).toBe(false);
  });

  it('continues a paragraph only from a full line into an unindented, unnumbered line', () => {
    const m = { left: 50, right: 290 };
    const full = buildLines([item('一二三四五六七八九十一二三四五六七八九十', 50, 700)])[0]!;
    const short = buildLines([item('一二三', 50, 700)])[0]!;
    const next = buildLines([item('接着写', 50, 682)])[0]!;
    const indented = buildLines([item('新段落', 74, 682)])[0]!;
    const numbered = buildLines([item('2.第二项', 50, 682)])[0]!;
    const far = buildLines([item('接着写', 50, 640)])[0]!;
    expect(continues(full, next, m, true)).toBe(true);
    expect(continues(short, next, m, true)).toBe(false);
    expect(continues(full, indented, m, true)).toBe(false);
    expect(continues(full, numbered, m, true)).toBe(false);
    expect(continues(full, far, m, true)).toBe(false);
    expect(continues(full, far, m, false)).toBe(true);
  });

  it('finds tables without rules only where several lines share their column starts', () => {
    const line = (y: number, parts: [string, number][]) => buildLines(parts.map(([t, x]) => item(t, x, y, 10)))[0]!;
    const table = [
      line(700, [
        ['项目', 50],
        ['预算', 200],
        ['决算', 300],
      ]),
      line(685, [
        ['三公', 50],
        ['1', 200],
        ['2', 300],
      ]),
      line(670, [
        ['公用', 50],
        ['3', 200],
        ['4', 300],
      ]),
    ];
    expect(findTextTables(table)).toEqual([{ start: 0, end: 3, columns: [50, 200, 300] }]);
    expect(textTableRow(table[1]!, [50, 200, 300])).toEqual(['三公', '1', '2']);
    // two lines are not a table, nor are lines whose gaps do not line up
    expect(findTextTables(table.slice(0, 2))).toEqual([]);
    const ragged = [
      line(700, [
        ['甲', 50],
        ['乙', 120],
      ]),
      line(685, [
        ['丙', 50],
        ['丁', 260],
      ]),
      line(670, [
        ['戊', 90],
        ['己', 400],
      ]),
      line(655, [
        ['庚', 140],
        ['辛', 330],
      ]),
    ];
    expect(findTextTables(ragged)).toEqual([]);
  });

  it('knows page numbers', () => {
    for (const t of ['3', '- 3 -', '第 3 页', '3 / 8', '第3页/共8页']) expect(isPageNumber(t)).toBe(true);
    for (const t of ['3万元', '一、', '2023年']) expect(isPageNumber(t)).toBe(false);
  });
});
