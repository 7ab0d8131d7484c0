import { hubei } from './hubei.js';
import { hunan } from './hunan.js';
import { hunan2018 } from './hunan-2018.js';
import { national2020 } from './national-2020.js';
import { sichuan } from './sichuan.js';
import type { RuleProfile } from './types.js';

export type * from './types.js';
export { validateProfile, type ProfileProblem } from './validate.js';
export { national2020 } from './national-2020.js';

/** The profile used when an evaluation names none. */
export const DEFAULT_PROFILE_ID = 'national-2020';

/** Every shipped profile. Adding a province: one data file beside this one, and one line here. */
export const profiles: readonly RuleProfile[] = [national2020, hunan, hunan2018, hubei, sichuan];

/** The profile with this id, or undefined. */
export function getProfile(id: string): RuleProfile | undefined {
  return profiles.find((p) => p.id === id);
}
