/**
 * A tiny history router (react-router is not a dependency): the location is an external store fed by popstate
 * and by navigate(); <Link> renders a real anchor so middle-click and "open in new tab" still work.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { parseQuery } from './match.js';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
}

const NAVIGATE_EVENT = 'jixiao:navigate';
const listeners = new Set<() => void>();
let current: Location = read();
/** Guards that may veto a navigation (unsaved edits): return a message to ask the user, or null. */
const blockers = new Set<() => string | null>();

function read(): Location {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash };
}

function notify(): void {
  const next = read();
  if (next.pathname === current.pathname && next.search === current.search && next.hash === current.hash) return;
  current = next;
  for (const l of listeners) l();
}

window.addEventListener('popstate', notify);
window.addEventListener(NAVIGATE_EVENT, notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Ask every blocker; false when the user chose to stay. */
function mayLeave(): boolean {
  for (const b of blockers) {
    const message = b();
    if (message !== null && !window.confirm(message)) return false;
  }
  return true;
}

/** Go to a path ('/evaluations/1?tab=x'); replace instead of push with { replace: true }. */
export function navigate(to: string, options: { replace?: boolean; force?: boolean } = {}): void {
  const here = current.pathname + current.search + current.hash;
  if (to === here) return;
  if (!options.force && !mayLeave()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

/** Register a guard against leaving the page (e.g. unsaved edits); returns the unregister function. */
export function addNavigationBlocker(blocker: () => string | null): () => void {
  blockers.add(blocker);
  return () => blockers.delete(blocker);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

export function useQuery(): Record<string, string> {
  const { search } = useLocation();
  return parseQuery(search);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children?: ReactNode };

/** An anchor that navigates without a page load on a plain left click. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
