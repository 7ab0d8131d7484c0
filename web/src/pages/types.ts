import type { ComponentType, LazyExoticComponent } from 'react';
import type { RouteParams } from '../router/match.js';

/** What every page component receives: the params of its route pattern (':id' → params.id). */
export interface PageProps {
  params: RouteParams;
}

export type PageComponent = ComponentType<PageProps>;
export type LazyPage = LazyExoticComponent<PageComponent>;
