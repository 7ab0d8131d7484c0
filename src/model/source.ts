import { z } from 'zod';

/** Where a value came from in an imported file. */
export const sourceSchema = z.object({
  file: z.string(),
  /** 1-based line in a text file */
  line: z.number().int().optional(),
  /** 1-based page in a PDF */
  page: z.number().int().optional(),
  /** position on a PDF page, in PDF points from the top left */
  x: z.number().optional(),
  y: z.number().optional(),
  /** sheet name and A1 address in a workbook */
  sheet: z.string().optional(),
  cell: z.string().optional(),
  /** 1-based paragraph index in a document */
  paragraph: z.number().int().optional(),
  /** 1-based table index, row and column within a document */
  table: z.number().int().optional(),
  row: z.number().int().optional(),
  col: z.number().int().optional(),
  /** the original text at that place */
  text: z.string(),
});
export type Source = z.infer<typeof sourceSchema>;

/** A path into an Evaluation, dot-separated with array indices: `selfEvaluation.indicators.3.actual`. */
export type FieldPath = string;
