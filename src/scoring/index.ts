export type * from './types.js';
export { score, scoreWithDecimal } from './score.js';
export { gradeFor, parseGrade } from './rules/grade.js';
export { scoreIndicator, isEmptyRow } from './indicator.js';
export { scoreExecutionRow } from './execution-row.js';
export { METHOD_NAMES, FLAG_NAMES } from './names.js';
