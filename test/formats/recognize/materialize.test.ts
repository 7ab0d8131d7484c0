import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RawDocument } from '../../../src/formats/document.js';
import { recognize } from '../../../src/formats/recognize/index.js';
import { handedToZod, materializeOnly, materializer } from '../../../src/formats/recognize/materialize.js';
import { evaluationSchema, figureSchema, sourceSchema } from '../../../src/model/index.js';

/**
 * The precompiled parse (materializer) must give exactly what zod's parse gives: the same output, key for key and
 * in the same order (absent keys absent, undefined-valued keys kept), for valid input; and a failure wherever zod
 * fails. Compared on random inputs built from the schemas themselves — valid ones, and ones damaged at random
 * places — with generated code and with the closures used where code generation is not allowed.
 */

interface Def {
  type: string;
  checks?: readonly { _zod: { def: { check: string; format?: string; pattern?: RegExp; value?: number } } }[];
  innerType?: Node;
  element?: Node;
  shape?: Record<string, Node>;
  keyType?: Node;
  valueType?: Node;
  options?: readonly Node[];
  readonly defaultValue?: unknown;
}
interface Node {
  _zod: { def: Def; values?: ReadonlySet<unknown>; optin?: 'optional' | 'defaulted' };
}

/** Junk to put anywhere: wrong types, NaN, extra structure. */
const junk = fc.oneof(
  fc.constantFrom(undefined, null, NaN, Infinity, -1.5, 0, '', 'x', true, [], {}, [1], { a: 1 }),
  fc.string({ maxLength: 4 }),
  fc.integer(),
);

/** Values for a schema: valid ones mostly, and (when `damage`) junk in place of some parts. */
function arb(node: Node, damage: boolean, depth = 0): fc.Arbitrary<unknown> {
  const def = node._zod.def;
  const valid = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'string': {
        const re = def.checks?.find((c) => c._zod.def.format === 'regex')?._zod.def.pattern;
        return re ? fc.stringMatching(re) : fc.string({ maxLength: 6 });
      }
      case 'number': {
        const checks = def.checks ?? [];
        const min = checks.find((c) => c._zod.def.check === 'greater_than')?._zod.def.value;
        const max = checks.find((c) => c._zod.def.check === 'less_than')?._zod.def.value;
        const int = checks.some((c) => c._zod.def.check === 'number_format');
        if (min !== undefined || max !== undefined) {
          // out of bounds only when damaging
          const slack = damage ? 2 : 0;
          return fc.integer({ min: (min ?? 0) - slack, max: (max ?? 3000) + slack });
        }
        return int ? fc.integer({ min: -5, max: 5000 }) : fc.double({ noNaN: true, noDefaultInfinity: true });
      }
      case 'boolean':
        return fc.boolean();
      case 'enum':
      case 'literal':
        return fc.constantFrom(...(node._zod.values ?? new Set([undefined])));
      case 'optional':
        return fc.option(arb(def.innerType!, damage, depth), { nil: undefined });
      case 'default':
        return fc.option(arb(def.innerType!, damage, depth), { nil: undefined, freq: 3 });
      case 'array':
        return depth > 4 ? fc.constant([]) : fc.array(arb(def.element!, damage, depth + 1), { maxLength: 3 });
      case 'record': {
        const keys = def.keyType!._zod.values;
        const key = keys ? fc.constantFrom(...([...keys] as string[])) : fc.string({ maxLength: 5 });
        return depth > 4 ? fc.constant({}) : fc.dictionary(key, arb(def.valueType!, damage, depth + 1), { maxKeys: 3 });
      }
      case 'union':
        return fc.oneof(...def.options!.map((o) => arb(o, damage, depth)));
      case 'object': {
        const fields = Object.entries(def.shape!);
        return fc
          .tuple(
            ...fields.map(([, f]) =>
              // any key may be absent or undefined; a required one only (and rarely) when damaging
              f._zod.optin === undefined && !damage
                ? arb(f, damage, depth + 1).map((v) => ({ v }))
                : fc.oneof(
                    { weight: 200, arbitrary: arb(f, damage, depth + 1).map((v) => ({ v })) },
                    {
                      weight: f._zod.optin !== undefined ? 50 : 1,
                      arbitrary: fc.constantFrom(null, { v: undefined }),
                    },
                  ),
            ),
            fc.option(fc.dictionary(fc.constantFrom('extra', 'other', '__x'), junk, { maxKeys: 2 }), {
              nil: undefined,
            }),
          )
          .map(([...parts]) => {
            const extra = parts.pop() as Record<string, unknown> | undefined;
            const out: Record<string, unknown> = {};
            parts.forEach((p, i) => {
              if (p !== null) out[fields[i]![0]] = (p as { v: unknown }).v;
            });
            return extra ? { ...extra, ...out } : out;
          });
      }
      default:
        return junk;
    }
  })();
  // damage rare enough that a good share of damaged Evaluations (hundreds of values) stays valid
  return damage ? fc.oneof({ weight: 200, arbitrary: valid }, { weight: 1, arbitrary: junk }) : valid;
}

/** The output as compared: JSON (order of keys included) and every own key with its type, undefined ones too. */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shapeOf);
  if (v !== null && typeof v === 'object') {
    return [Object.getPrototypeOf(v) === Object.prototype, Object.entries(v).map(([k, x]) => [k, shapeOf(x)])];
  }
  return typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v === undefined ? 'undefined' : v;
}

/** How many compared inputs were valid and invalid (so that neither kind of comparison is vacuous). */
const seen = { valid: 0, invalid: 0 };

function compare(schema: z.ZodType, generate: boolean, input: unknown): void {
  const fast = materializeOnly(schema, { generate })(input);
  const slow = schema.safeParse(input);
  seen[slow.success ? 'valid' : 'invalid']++;
  expect(fast !== undefined, 'materializer and zod agree on validity').toBe(slow.success);
  if (fast && slow.success) {
    expect(JSON.stringify(fast.value)).toBe(JSON.stringify(slow.data));
    expect(shapeOf(fast.value)).toEqual(shapeOf(slow.data));
  }
}

const asNode = (s: z.ZodType): Node => s as unknown as Node;

describe('materializer: the same as zod', () => {
  for (const generate of [true, false]) {
    const how = generate ? 'generated code' : 'closures';

    it(`on valid Evaluations (${how})`, () => {
      const before = seen.valid;
      fc.assert(
        fc.property(arb(asNode(evaluationSchema), false), (input) => compare(evaluationSchema, generate, input)),
        { numRuns: 300 },
      );
      expect(seen.valid - before).toBeGreaterThan(60);
    });

    it(`on damaged Evaluations (${how})`, () => {
      const before = { ...seen };
      fc.assert(
        fc.property(arb(asNode(evaluationSchema), true), (input) => compare(evaluationSchema, generate, input)),
        { numRuns: 600 },
      );
      expect(seen.valid - before.valid).toBeGreaterThan(20);
      expect(seen.invalid - before.invalid).toBeGreaterThan(100);
    });

    it(`on figures and sources, valid and damaged (${how})`, () => {
      for (const schema of [figureSchema, sourceSchema, z.record(z.string(), sourceSchema)] as z.ZodType[]) {
        const before = { ...seen };
        fc.assert(
          fc.property(arb(asNode(schema), true), (input) => compare(schema, generate, input)),
          { numRuns: 1000 },
        );
        expect(seen.valid - before.valid).toBeGreaterThan(200);
        expect(seen.invalid - before.invalid).toBeGreaterThan(5);
      }
    });
  }

  it('precompiles all of the Evaluation schema (a part handed to zod would be correct, but slow)', () => {
    expect(handedToZod(evaluationSchema)).toEqual([]);
  });

  it('hands what it does not know to zod (transforms, refinements, catch-alls, unions, pipes, formats)', () => {
    const schema = z.object({
      t: z.string().transform((s) => s.length),
      r: z.number().refine((n) => n > 0),
      c: z.object({ a: z.string() }).catchall(z.number()),
      u: z.union([z.string(), z.number()]),
      p: z.string().pipe(z.coerce.number()),
      e: z.email().optional(),
      i: z.int().optional(),
      d: z.string().default('d'),
      s: z.string().trim().optional(),
    });
    const inputs: unknown[] = [
      { t: 'abc', r: 1, c: { a: 'x', n: 2 }, u: 3, p: '4', e: 'a@b.cn', i: 5, s: ' x ' },
      { t: 'abc', r: -1, c: { a: 'x' }, u: 3, p: '4' },
      { t: 'abc', r: 1, c: { a: 'x', n: 'no' }, u: 3, p: '4' },
      { t: 'abc', r: 1, c: { a: 'x' }, u: true, p: '4' },
      { t: 'abc', r: 1, c: { a: 'x' }, u: 'u', p: 'z', e: 'not an email' },
      { t: 'abc', r: 1, c: { a: 'x' }, u: 'u', p: '1', i: 1.5 },
    ];
    for (const generate of [true, false]) for (const input of inputs) compare(schema, generate, input);
    expect(handedToZod(schema).sort()).toEqual([
      'number',
      'number',
      'object',
      'pipe',
      'pipe',
      'string',
      'string',
      'union',
    ]);
  });

  it('throws zod’s own error for invalid input', () => {
    const parse = materializer(evaluationSchema);
    const bad = { kind: 'department', year: 1900.5, sources: { a: { text: 'x' } } };
    let mine: unknown;
    let zods: unknown;
    try {
      parse(bad as never);
    } catch (e) {
      mine = e;
    }
    try {
      evaluationSchema.parse(bad);
    } catch (e) {
      zods = e;
    }
    expect(mine).toBeInstanceOf(z.ZodError);
    expect((mine as z.ZodError).issues).toEqual((zods as z.ZodError).issues);
  });
});

describe('recognize: parsed as zod would parse it', () => {
  it('refuses a document whose provenance is not valid, with zod’s error', () => {
    const doc: RawDocument = {
      file: 'f.txt',
      format: 'text',
      blocks: [
        { type: 'paragraph', text: '一、部门基本情况', source: { file: 'f.txt', line: 1.5, text: '一、部门基本情况' } },
      ],
    };
    expect(() => recognize(doc)).toThrow(z.ZodError);
  });
});
