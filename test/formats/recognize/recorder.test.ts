import { describe, expect, it } from 'vitest';
import { joinPath, Recorder } from '../../../src/formats/recognize/recorder.js';
import { materializeOnly } from '../../../src/formats/recognize/materialize.js';
import { sourceSchema } from '../../../src/model/index.js';

describe('joinPath: field paths built once', () => {
  it('is `${base}.${part}`, for string and number parts, nested, before and after its memo is emptied', () => {
    expect(joinPath('selfEvaluation.indicators', 3)).toBe('selfEvaluation.indicators.3');
    expect(joinPath(joinPath('selfEvaluation.indicators', 3), 'target')).toBe('selfEvaluation.indicators.3.target');
    expect(joinPath('basicData', 'threePublicCosts.total')).toBe('basicData.threePublicCosts.total');
    // more distinct paths than the memo keeps: every one still right, old ones too
    for (let i = 0; i < 50_000; i++) expect(joinPath('narrative.sections', i)).toBe(`narrative.sections.${i}`);
    expect(joinPath('selfEvaluation.indicators', 3)).toBe('selfEvaluation.indicators.3');
    expect(joinPath('a', 'b')).toBe('a.b');
    expect(joinPath('a', 'b')).toBe('a.b');
  });
});

describe('Recorder: provenance', () => {
  const src = (line: number, text = 't'): { file: string; line: number; text: string } => ({ file: 'f', line, text });
  const parse = materializeOnly(sourceSchema);

  it('keeps paths in the order first recorded; a later record of a path replaces its source in place', () => {
    const rec = new Recorder();
    rec.at('b', src(1));
    rec.at('a', src(2));
    rec.at('b', src(3), 'matched');
    rec.at('c', src(4));
    rec.forget('a');
    rec.at('a', src(5));
    expect(Object.keys(rec.sources())).toEqual(['b', 'c', 'a']);
    expect(rec.source('b')).toEqual({ file: 'f', line: 3, text: 'matched' });
    expect(rec.has('a') && !rec.has('z')).toBe(true);
    const parsed = rec.parsedSources(parse)!;
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(rec.sources()));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    // fresh copies: the Evaluation shares no object with the RawDocument the sources came from
    expect(parsed.b).not.toBe(rec.source('b'));
  });

  it('gives no parsed sources when one is invalid (zod then says why)', () => {
    const rec = new Recorder();
    rec.at('a', src(1));
    rec.at('b', { file: 'f', line: 1.5, text: 't' });
    expect(rec.parsedSources(parse)).toBeUndefined();
  });

  it('orders many paths as an object orders them, large records included', () => {
    const rec = new Recorder();
    const paths = Array.from({ length: 100 }, (_, i) => `p${(i * 37) % 100}.x`);
    for (const [i, p] of paths.entries()) rec.at(p, src(i + 1));
    expect(Object.keys(rec.parsedSources(parse)!)).toEqual(paths);
  });
});
