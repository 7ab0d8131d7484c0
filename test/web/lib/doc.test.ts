import { describe, expect, it } from 'vitest';
import { figureFromText, getAt, isFilled, moneyFigure, moneyText, setAt } from '../../../web/src/lib/doc.js';
import { parseMoneyInput } from '../../../web/src/lib/money.js';

describe('getAt / setAt', () => {
  const doc = { a: { b: [{ c: 1 }, { c: 2 }] }, d: { e: 'x' } };

  it('reads by dotted path with array indices', () => {
    expect(getAt(doc, 'a.b.1.c')).toBe(2);
    expect(getAt(doc, 'a.x.y')).toBeUndefined();
    expect(getAt(doc, '')).toBe(doc);
  });

  it('copies only the objects on the way to the change', () => {
    const next = setAt(doc, 'a.b.1.c', 3);
    expect(getAt(next, 'a.b.1.c')).toBe(3);
    expect(doc.a.b[1]!.c).toBe(2);
    expect(next.d).toBe(doc.d);
    expect(next.a.b[0]).toBe(doc.a.b[0]);
    expect(next.a.b).not.toBe(doc.a.b);
  });

  it('returns the same object when nothing changes', () => {
    expect(setAt(doc, 'd.e', 'x')).toBe(doc);
  });

  it('creates missing objects and arrays, and removes keys set to undefined', () => {
    const next = setAt<Record<string, unknown>>({}, 'x.items.0.label', 'L');
    expect(next).toEqual({ x: { items: [{ label: 'L' }] } });
    expect(Array.isArray(getAt(next, 'x.items'))).toBe(true);
    const removed = setAt(doc, 'd.e', undefined);
    expect(removed.d).toEqual({});
    expect('e' in removed.d).toBe(false);
  });
});

describe('figures from what was typed', () => {
  it('parses values with the model parser', () => {
    expect(figureFromText('≥95%')).toEqual({
      text: '≥95%',
      q: { kind: 'number', value: '95', unit: '%', comparator: '>=' },
    });
    expect(figureFromText('  ')).toBeUndefined();
  });

  it('writes money with or without 万元 in the text, never losing what was typed', () => {
    expect(moneyFigure(parseMoneyInput('312.95'), '312.95', true)).toEqual({
      text: '312.95万元',
      q: { kind: 'number', value: '312.95', unit: '万元' },
    });
    expect(moneyFigure(parseMoneyInput('1,234.5'), '1,234.5', false)).toEqual({
      text: '1234.5',
      q: { kind: 'number', value: '1234.5' },
    });
    expect(moneyFigure(parseMoneyInput('无'), '无', true)).toEqual({ text: '无', q: { kind: 'none' } });
    expect(moneyFigure(parseMoneyInput(''), '', true)).toBeUndefined();
    expect(moneyFigure(parseMoneyInput('十二万'), ' 十二万 ', true)).toEqual({
      text: '十二万',
      q: { kind: 'unparsed' },
    });
  });

  it('shows a 万元 amount bare and anything else as written', () => {
    expect(moneyText({ text: '312.95万元', q: { kind: 'number', value: '312.95', unit: '万元' } })).toBe('312.95');
    expect(moneyText({ text: '3.96', q: { kind: 'number', value: '3.96' } })).toBe('3.96');
    expect(moneyText({ text: '约3万元', q: { kind: 'number', value: '3', unit: '万元', approx: 'about' } })).toBe(
      '约3万元',
    );
    expect(moneyText({ text: '3129500元', q: { kind: 'number', value: '3129500', unit: '元' } })).toBe('3129500元');
    expect(moneyText(undefined)).toBe('');
  });

  it('tells filled from empty', () => {
    expect(isFilled(undefined)).toBe(false);
    expect(isFilled('  ')).toBe(false);
    expect(isFilled([])).toBe(false);
    expect(isFilled({ text: '', q: { kind: 'none' } })).toBe(false);
    expect(isFilled({ text: '0', q: { kind: 'number', value: '0' } })).toBe(true);
    expect(isFilled(2024)).toBe(true);
  });
});
