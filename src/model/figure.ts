import { z } from 'zod';

/**
 * What a written value means once parsed. Numbers are exact decimal strings ("312.95"), never floats.
 * A value that was not written at all is represented by the field being absent (undefined), not by a kind here.
 */
export const comparatorSchema = z.enum(['>=', '<=', '>', '<', '=', 'range', 'qualitative']);
export type Comparator = z.infer<typeof comparatorSchema>;

/**
 * Approximation words people attach to numbers: 余/多 (more: 1600余篇), 约/左右 (about), 近/将近 (nearly),
 * 超/超过/逾 (over: 超20万元). 以上/以下 are comparators (>= / <=), not approximations.
 */
export const approxSchema = z.enum(['more', 'about', 'nearly', 'over']);
export type Approx = z.infer<typeof approxSchema>;

/** A decimal number written as a string, e.g. "-12.5" or "0.30". */
export const decimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/, '应为十进制数字字符串');

export const quantitySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('number'),
    /** exact decimal value as written, in `unit` (for "95%" value is "95" and unit "%") */
    value: decimalStringSchema,
    unit: z.string().optional(),
    /** comparator written with the number (≥95%, 不低于95%); absent for a plain number */
    comparator: comparatorSchema.optional(),
    approx: approxSchema.optional(),
    /** the words around the value when the cell held more than the value (完成 in "完成1050篇") */
    context: z.string().optional(),
  }),
  z.object({
    kind: z.literal('range'),
    low: decimalStringSchema,
    high: decimalStringSchema,
    unit: z.string().optional(),
    /** the words around the range when the cell held more than the range */
    context: z.string().optional(),
  }),
  z.object({
    kind: z.literal('date'),
    /**
     * ISO date 'YYYY-MM-DD', or 'YYYY-MM', or 'YYYY'; when the year is not written (12月31日前), the ISO 8601
     * year-less forms '--MM-DD' and '--MM' (the evaluation year fills it in).
     */
    date: z.string(),
    /** '<=' for 前/之前/以前/以内/不晚于/截至 (a deadline, the day itself included), '>=' for 后/之后/以后/不早于 */
    comparator: comparatorSchema.optional(),
    /** the words around the date when the cell held more than the date (完成 in "2023年12月31日前完成") */
    context: z.string().optional(),
  }),
  z.object({
    kind: z.literal('qualitative'),
    /** normalised wording, e.g. 提升, 完成, 达成, 优 */
    text: z.string(),
    /** 优/良/中/低/差 grade when the wording is one */
    level: z.enum(['优', '良', '中', '低', '差']).optional(),
    /** a relative word such as 当年 that needs the evaluation year to become a date */
    relativeDate: z.enum(['currentYear']).optional(),
  }),
  /** explicitly written as nothing: 无, —, ——, /, 不适用 */
  z.object({ kind: z.literal('none') }),
  /** written, but not understood; the text stays in Figure.text */
  z.object({ kind: z.literal('unparsed') }),
]);
export type Quantity = z.infer<typeof quantitySchema>;

/**
 * A value as written in the report, beside what it means. `text` is the original text (trimmed of padding);
 * an absent Figure (undefined) means the place was left empty. "0", "无" and empty are three different things.
 */
export const figureSchema = z.object({
  text: z.string(),
  q: quantitySchema,
});
export type Figure = z.infer<typeof figureSchema>;
