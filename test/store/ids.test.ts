import { expect, it } from 'vitest';
import { newId } from '../../src/store/ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

it('makes RFC 9562 version-7 UUIDs carrying the time', () => {
  const at = Date.UTC(2025, 4, 1, 8, 0, 0);
  const id = newId(at + 10_000_000_000); // ahead of anything made so far
  expect(id).toMatch(UUID_V7);
  expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at + 10_000_000_000);
});

it('is strictly increasing, even within one millisecond and when the clock goes back', () => {
  const ids: string[] = [];
  const base = Date.now() + 20_000_000_000;
  for (let i = 0; i < 10_000; i++) ids.push(newId(base));
  ids.push(newId(base - 5000));
  ids.push(newId());
  for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(UUID_V7);
});
