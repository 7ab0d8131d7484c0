import type { z } from 'zod';

/**
 * A zod schema's parse, precompiled: the same result as `schema.parse(input)` — defaults filled in, unknown keys
 * dropped, keys in the schema's order, every check run — at a fraction of the cost, for inputs that are valid.
 * Whatever the precompiled parse cannot vouch for goes to zod itself:
 * - a schema construct it does not know (transforms, pipes, refinements, catch-alls, plain unions …) is parsed by
 *   zod for that part of the value (`safeParse` of the sub-schema);
 * - an input it finds invalid is handed, whole, to `schema.parse`, which throws zod's own error (and, should zod
 *   accept it after all, zod's result is returned).
 * So the output is always what zod gives, and invalid data cannot come out.
 *
 * Objects and arrays are compiled to generated code (as zod itself does) when `new Function` is allowed: each key a
 * constant property name and each leaf check written inline, so that V8 reads and tests them with monomorphic inline
 * caches; otherwise (a content security policy) to closures with the same behaviour.
 * test/formats/recognize/materialize.test.ts compares both with zod on random valid and invalid inputs.
 */

/** What a step returns for an input that is not valid. */
const INVALID: unique symbol = Symbol('invalid');
type Step = (value: unknown) => unknown;
type Test = (value: unknown) => boolean;

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  /** greater_than / less_than */
  value?: unknown;
  inclusive?: boolean;
  when?: unknown;
}

interface CheckNode {
  _zod: { def: CheckDef; check: (payload: { value: unknown; issues: unknown[] }) => unknown };
}

interface Def {
  type: string;
  checks?: readonly CheckNode[];
  coerce?: boolean;
  /** string and number formats (z.email(), z.int() …) check themselves */
  format?: string;
  innerType?: Node;
  element?: Node;
  shape?: Readonly<Record<string, Node>>;
  catchall?: Node;
  keyType?: Node;
  valueType?: Node;
  partial?: boolean;
  mode?: string;
  options?: readonly Node[];
  discriminator?: string;
  unionFallback?: boolean;
  /** a getter on ZodDefault's def: a fresh (shallow-cloned) default each time it is read */
  readonly defaultValue?: unknown;
}

interface Node {
  _zod: {
    def: Def;
    optin?: 'optional' | 'defaulted';
    optout?: 'optional';
    values?: ReadonlySet<unknown>;
    /** a schema that is also a check (z.email(), z.int()) has the trait $ZodCheck */
    traits?: ReadonlySet<string>;
  };
  safeParse(value: unknown): { success: true; data: unknown } | { success: false };
}

const isObject = (v: unknown): v is Record<PropertyKey, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** zod's util.isPlainObject (what z.record accepts). */
function isPlainObject(o: unknown): o is Record<PropertyKey, unknown> {
  if (!isObject(o)) return false;
  const ctor: unknown = o.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prot: unknown = (ctor as { prototype?: unknown }).prototype;
  if (!isObject(prot)) return false;
  return Object.prototype.hasOwnProperty.call(prot, 'isPrototypeOf');
}

/** Records with more keys than this are built as dictionaries from the start (see largeObject). */
const LARGE_RECORD = 32;

/**
 * An empty ordinary object (prototype Object.prototype, like `{}`) that V8 keeps in dictionary mode from the start:
 * adding hundreds of keys to it costs a third of adding them to `{}`, which first goes through hidden-class
 * transitions. It behaves as `{}` in every way (keys in insertion order, JSON, equality).
 */
export function largeObject(): Record<string, unknown> {
  return Object.setPrototypeOf(Object.create(null), Object.prototype) as Record<string, unknown>;
}

/** The part of a value zod parses itself: a construct the precompiled parse does not know. */
function viaZod(node: Node): Step {
  return (value) => {
    const r = node.safeParse(value);
    return r.success ? r.data : INVALID;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Leaves: string, number, boolean (with their checks), enum, literal. A leaf's valid value is the input itself.

/** Checks run through zod's own check function (synchronous, value-preserving ones). */
const GENERIC_CHECKS = new Set(['string_format', 'min_length', 'max_length', 'length_equals']);

/** A leaf as a test, with its pieces for generated code; undefined when the node is not a leaf we know. */
interface Leaf {
  test: Test;
  /** JS boolean expression over `v`; constants as `c<n>` (see Codegen.constant) */
  source: (constant: (value: unknown) => string) => string;
}

function checkLeaf(ch: CheckNode): Leaf | undefined {
  const def = ch._zod.def;
  if (def.when !== undefined) return undefined;
  const { pattern, value: bound } = def;
  if (def.check === 'string_format' && def.format === 'regex' && pattern instanceof RegExp) {
    return {
      test: (v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      },
      source: (c) => `(${c(pattern)}.lastIndex = 0, ${c(pattern)}.test(v))`,
    };
  }
  if (def.check === 'number_format' && def.format === 'safeint') {
    return { test: (v) => Number.isSafeInteger(v), source: () => 'Number.isSafeInteger(v)' };
  }
  if ((def.check === 'greater_than' || def.check === 'less_than') && typeof bound === 'number') {
    const op = `${def.check === 'greater_than' ? '>' : '<'}${def.inclusive ? '=' : ''}`;
    const test: Test =
      def.check === 'greater_than'
        ? def.inclusive
          ? (v) => (v as number) >= bound
          : (v) => (v as number) > bound
        : def.inclusive
          ? (v) => (v as number) <= bound
          : (v) => (v as number) < bound;
    return { test, source: (c) => `v ${op} ${c(bound)}` };
  }
  if (!GENERIC_CHECKS.has(def.check)) return undefined;
  const test: Test = (v) => {
    const payload = { value: v, issues: [] as unknown[] };
    ch._zod.check(payload);
    return payload.issues.length === 0 && payload.value === v;
  };
  return { test, source: (c) => `${c(test)}(v)` };
}

function leafOf(node: Node): Leaf | undefined {
  const def = node._zod.def;
  if (def.format !== undefined || node._zod.traits?.has('$ZodCheck') || def.coerce) return undefined;
  const parts: Leaf[] = [];
  switch (def.type) {
    case 'string':
    case 'boolean': {
      const type = def.type;
      parts.push({ test: (v) => typeof v === type, source: () => `typeof v === "${type}"` });
      break;
    }
    case 'number':
      parts.push({
        test: (v) => typeof v === 'number' && Number.isFinite(v),
        source: () => 'typeof v === "number" && Number.isFinite(v)',
      });
      break;
    case 'enum':
    case 'literal': {
      const values = node._zod.values;
      if (!values) return undefined;
      parts.push({ test: (v) => values.has(v), source: (c) => `${c(values)}.has(v)` });
      break;
    }
    default:
      return undefined;
  }
  for (const ch of def.checks ?? []) {
    const leaf = checkLeaf(ch);
    if (!leaf) return undefined;
    parts.push(leaf);
  }
  if (parts.length === 1) return parts[0];
  return {
    test: (v) => parts.every((p) => p.test(v)),
    source: (c) => parts.map((p) => `(${p.source(c)})`).join(' && '),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Compiler

/** May code be generated (`new Function`)? Not under a content security policy that forbids it. */
let evalAllowed: boolean | undefined;
function canGenerate(): boolean {
  if (evalAllowed === undefined) {
    try {
      evalAllowed = typeof new Function('return 1') === 'function';
    } catch {
      evalAllowed = false;
    }
  }
  return evalAllowed;
}

/** Constants closed over by one generated function, named c0, c1 … */
class Codegen {
  private readonly values: unknown[] = [];
  readonly lines: string[] = [];

  constant = (value: unknown): string => {
    let i = this.values.indexOf(value);
    if (i < 0) i = this.values.push(value) - 1;
    return `c${i}`;
  };

  /** The function `(value) => …` of the lines written. */
  /** `name` names the function in profiles (e.g. object_file_line_page for the Source schema). */
  compile(name: string): Step {
    const names = this.values.map((_, i) => `c${i}`);
    const body = `"use strict";\nreturn function ${name.replace(/[^A-Za-z0-9_$]/g, '_')}(value) {\nlet v;\n${this.lines.join('\n')}\n};`;
    const factory = new Function('INVALID', 'isObject', ...names, body) as (...args: unknown[]) => Step;
    return factory(INVALID, isObject, ...this.values);
  }
}

type FieldKind = 'required' | 'optional' | 'defaulted';

class Compiler {
  private readonly steps = new Map<Node, Step>();

  /** the schema types of the parts handed to zod (see handedToZod) */
  readonly toZod: string[] = [];

  constructor(private readonly generate: boolean) {}

  private zod(node: Node): Step {
    this.toZod.push(node._zod.def.type);
    return viaZod(node);
  }

  step(node: Node): Step {
    const hit = this.steps.get(node);
    if (hit) return hit;
    // a forwarder first, so that a schema reaching itself stays finite
    const forward: { to?: Step } = {};
    this.steps.set(node, (v) => forward.to!(v));
    const real = this.build(node);
    forward.to = real;
    this.steps.set(node, real);
    return real;
  }

  private build(node: Node): Step {
    const def = node._zod.def;
    const leaf = leafOf(node);
    if (leaf) {
      const test = leaf.test;
      return (v) => (test(v) ? v : INVALID);
    }
    if (def.format !== undefined || node._zod.traits?.has('$ZodCheck') || def.coerce) return this.zod(node);
    if (def.checks?.length) return this.zod(node);
    switch (def.type) {
      case 'optional': {
        const inner = def.innerType;
        if (!inner || inner._zod.optin === 'defaulted') return this.zod(node);
        const step = this.step(inner);
        return (v) => (v === undefined ? undefined : step(v));
      }
      case 'default': {
        const inner = def.innerType;
        if (!inner) return this.zod(node);
        const step = this.step(inner);
        return (v) => {
          if (v === undefined) return def.defaultValue;
          const r = step(v);
          return r === undefined ? def.defaultValue : r;
        };
      }
      case 'array':
        return def.element ? this.array(def.element) : this.zod(node);
      case 'object':
        return this.object(node);
      case 'record':
        return this.record(node);
      case 'union':
        return def.discriminator !== undefined ? this.discriminatedUnion(node) : this.zod(node);
      default:
        return this.zod(node);
    }
  }

  /**
   * Code that reads `v` and either returns INVALID or leaves the parsed value in `v`: the leaf test inline, or a
   * call of the node's step.
   */
  private parseV(node: Node, g: Codegen): string {
    const leaf = leafOf(node);
    if (leaf) return `if (!(${leaf.source(g.constant)})) return INVALID;`;
    return `v = ${g.constant(this.step(node))}(v); if (v === INVALID) return INVALID;`;
  }

  private array(element: Node): Step {
    if (this.generate) {
      const g = new Codegen();
      g.lines.push(
        'if (!Array.isArray(value)) return INVALID;',
        'const out = new Array(value.length);',
        'for (let i = 0; i < value.length; i++) {',
        `v = value[i]; ${this.parseV(element, g)} out[i] = v;`,
        '}',
        'return out;',
      );
      return g.compile('array');
    }
    const step = this.step(element);
    return (value) => {
      if (!Array.isArray(value)) return INVALID;
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const r = step(value[i]);
        if (r === INVALID) return INVALID;
        out[i] = r;
      }
      return out;
    };
  }

  private object(node: Node): Step {
    const def = node._zod.def;
    const shape = def.shape;
    if (!shape || def.catchall || Object.getOwnPropertySymbols(shape).length > 0) return this.zod(node);
    const fields: { key: string; node: Node; kind: FieldKind }[] = [];
    for (const key of Object.keys(shape)) {
      const field = shape[key]!;
      if (key === '__proto__') return this.zod(node);
      const { optin, optout } = field._zod;
      // zod keeps an absent optional key absent, always writes a defaulted key, and requires the others
      const kind: FieldKind | undefined =
        optin === undefined
          ? 'required'
          : optin === 'optional' && optout === 'optional'
            ? 'optional'
            : optin === 'defaulted' && optout === undefined
              ? 'defaulted'
              : undefined;
      if (kind === undefined) return this.zod(node);
      fields.push({ key, node: field, kind });
    }
    if (this.generate) return this.generatedObject(fields);
    const steps = fields.map((f) => ({ ...f, step: this.step(f.node) }));
    return (value) => {
      if (!isObject(value)) return INVALID;
      const out: Record<string, unknown> = {};
      for (const f of steps) {
        if (f.kind !== 'defaulted' && !(f.key in value)) {
          if (f.kind === 'required') return INVALID;
          continue;
        }
        const v = f.step(value[f.key]);
        if (v === INVALID) return INVALID;
        out[f.key] = v;
      }
      return out;
    };
  }

  private generatedObject(fields: readonly { key: string; node: Node; kind: FieldKind }[]): Step {
    const g = new Codegen();
    g.lines.push('if (!isObject(value)) return INVALID;', 'const out = {};');
    for (const f of fields) {
      const k = JSON.stringify(f.key);
      const def = f.node._zod.def;
      // the optional / default wrapper unwrapped, so that a leaf inside is tested inline
      if (f.kind === 'optional' && def.type === 'optional' && def.innerType && !def.checks?.length) {
        // read first, and ask `in` only for undefined: a present key costs one lookup
        g.lines.push(
          `v = value[${k}]; if (v !== undefined) { ${this.parseV(def.innerType, g)} out[${k}] = v; } else if (${k} in value) out[${k}] = undefined;`,
        );
      } else if (f.kind === 'defaulted' && def.type === 'default' && def.innerType && !def.checks?.length) {
        const d = g.constant(def);
        g.lines.push(
          `v = value[${k}]; if (v === undefined) v = ${d}.defaultValue; else { ${this.parseV(def.innerType, g)} if (v === undefined) v = ${d}.defaultValue; } out[${k}] = v;`,
        );
      } else if (f.kind === 'required') {
        g.lines.push(
          `v = value[${k}]; if (v === undefined && !(${k} in value)) return INVALID; ${this.parseV(f.node, g)} out[${k}] = v;`,
        );
      } else if (f.kind === 'optional') {
        g.lines.push(
          `v = value[${k}]; if (v !== undefined || ${k} in value) { ${this.parseV(f.node, g)} out[${k}] = v; }`,
        );
      } else {
        g.lines.push(`v = value[${k}]; ${this.parseV(f.node, g)} out[${k}] = v;`);
      }
    }
    g.lines.push('return out;');
    return g.compile(
      `object_${fields
        .slice(0, 3)
        .map((f) => f.key)
        .join('_')}`,
    );
  }

  private record(node: Node): Step {
    const def = node._zod.def;
    const keyNode = def.keyType;
    const keyDef = keyNode?._zod.def;
    const valueType = def.valueType;
    if (!keyNode || !keyDef || !valueType || (def.mode !== undefined && def.mode !== 'strict')) return this.zod(node);
    let keyOk: (key: string) => boolean;
    if (keyDef.type === 'string' && leafOf(keyNode) && !keyDef.checks?.length) {
      keyOk = () => true;
    } else if (keyDef.type === 'enum' && def.partial === true && leafOf(keyNode) && !keyDef.checks?.length) {
      const values = keyNode._zod.values;
      if (!values || [...values].some((v) => typeof v !== 'string')) return this.zod(node);
      keyOk = (key) => values.has(key);
    } else {
      return this.zod(node);
    }
    const step = this.step(valueType);
    return (value) => {
      if (!isPlainObject(value)) return INVALID;
      // zod walks Reflect.ownKeys, skipping non-enumerable keys and __proto__: the string keys of that walk are
      // Object.keys (same order), and an enumerable symbol key is an invalid key
      for (const sym of Object.getOwnPropertySymbols(value)) {
        if (Object.prototype.propertyIsEnumerable.call(value, sym)) return INVALID;
      }
      const keys = Object.keys(value);
      const out: Record<string, unknown> = keys.length > LARGE_RECORD ? largeObject() : {};
      for (const key of keys) {
        if (key === '__proto__') continue;
        if (!keyOk(key)) return INVALID;
        const v = step(value[key]);
        if (v === INVALID) return INVALID;
        out[key] = v;
      }
      return out;
    };
  }

  private discriminatedUnion(node: Node): Step {
    const def = node._zod.def;
    const disc = def.discriminator;
    if (disc === undefined || def.unionFallback || !def.options) return this.zod(node);
    const byValue = new Map<unknown, Step>();
    for (const option of def.options) {
      const od = option._zod.def;
      const values = od.type === 'object' ? od.shape?.[disc]?._zod.values : undefined;
      if (!values || values.size === 0) return this.zod(node);
      const step = this.step(option);
      for (const v of values) {
        if (v === undefined || byValue.has(v)) return this.zod(node);
        byValue.set(v, step);
      }
    }
    return (value) => {
      if (!isObject(value)) return INVALID;
      const step = byValue.get(value[disc]);
      return step ? step(value) : INVALID;
    };
  }
}

export interface MaterializeOptions {
  /** generate code (default: when `new Function` is allowed); false forces the closures */
  generate?: boolean;
}

function stepOf(schema: z.ZodType, options: MaterializeOptions): Step {
  return new Compiler(options.generate ?? canGenerate()).step(schema as unknown as Node);
}

/**
 * `schema.parse`, precompiled: the same output for valid input (defaults, key order, stripped keys, checks), and
 * zod's own ZodError for invalid input.
 */
export function materializer<S extends z.ZodType>(
  schema: S,
  options: MaterializeOptions = {},
): (input: z.input<S>) => z.output<S> {
  let step: Step | undefined;
  return (input) => {
    step ??= stepOf(schema, options);
    const out = step(input);
    return out === INVALID ? schema.parse(input) : (out as z.output<S>);
  };
}

/**
 * The schema types of the parts of `schema` the precompiled parse hands to zod (empty when it covers all of it):
 * correct either way, but slower. For tests.
 */
export function handedToZod(schema: z.ZodType): string[] {
  const compiler = new Compiler(canGenerate());
  compiler.step(schema as unknown as Node);
  return compiler.toZod;
}

/** For tests: the precompiled result alone, undefined where it finds the input invalid. */
export function materializeOnly<S extends z.ZodType>(
  schema: S,
  options: MaterializeOptions = {},
): (input: unknown) => { value: z.output<S> } | undefined {
  const step = stepOf(schema, options);
  return (input) => {
    const out = step(input);
    return out === INVALID ? undefined : { value: out as z.output<S> };
  };
}
