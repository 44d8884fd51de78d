import type { StoryBundleInput } from '../../src/domain/story-bundle/schema';
import { iraqCoalitionCombatMission } from './stories/000-iraq-coalition-combat-mission';

/** The stories `npm run seed` (and the first boot) loads, in order. */
export const DEFAULT_STORIES: readonly StoryBundleInput[] = [iraqCoalitionCombatMission];
