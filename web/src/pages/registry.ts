/**
 * Every page, lazily imported: each page is its own chunk, loaded when its route is first shown. The route table
 * (App.tsx `routes`) refers to these entries.
 *
 * Bureau and public pages live under ./bureau/ and ./public/ (built separately): each file default-exports a
 * component taking PageProps (./types.ts). To add a page there, add an entry here and a route in App.tsx.
 */
import { lazy } from 'react';
import type { LazyPage, PageComponent } from './types.js';

const page = (load: () => Promise<{ default: PageComponent }>): LazyPage => lazy(load);

export const pages = {
  // unit side (填报人 / 单位审核人)
  unitHome: page(() => import('./unit/HomePage.js')),
  unitImport: page(() => import('./unit/ImportPage.js')),
  unitNew: page(() => import('./unit/NewEvaluationPage.js')),
  editor: page(() => import('./unit/editor/EditorPage.js')),
  // bureau side (财政复核人 / 管理员)
  bureauDashboard: page(() => import('./bureau/DashboardPage.js')),
  bureauEvaluations: page(() => import('./bureau/EvaluationsPage.js')),
  bureauReview: page(() => import('./bureau/ReviewPage.js')),
  bureauTasks: page(() => import('./bureau/TasksPage.js')),
  // public (no login)
  publicResults: page(() => import('./public/ResultsPage.js')),
} satisfies Record<string, LazyPage>;

export type PageKey = keyof typeof pages;
