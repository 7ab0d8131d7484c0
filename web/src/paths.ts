/**
 * Every page's URL in one place, so that pages link to each other without importing the route table (which would
 * make a cycle through the lazy registry).
 */
const enc = encodeURIComponent;

export const paths = {
  login: '/login',
  /** unit side (填报人 / 单位审核人) */
  unitHome: '/unit',
  unitImport: '/unit/import',
  unitNew: '/unit/new',
  editor: (id: string) => `/unit/evaluations/${enc(id)}`,
  /** bureau side (财政复核人 / 管理员) */
  bureauHome: '/bureau',
  bureauEvaluations: '/bureau/evaluations',
  bureauReview: (id: string) => `/bureau/evaluations/${enc(id)}`,
  bureauTasks: '/bureau/tasks',
  /** no login */
  publicResults: '/public',
} as const;
