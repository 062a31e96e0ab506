import { DESTINATION_NOTICES, PRODUCT_OVERLAYS } from '../rules/overlays/product-overlays.ts';
import { NAC_ACA_VERSIONS } from '../rules/part-740/section-740.8-nac-aca.ts';
import { MEMBERSHIPS } from '../rules/part-740/supplement-1-country-groups.ts';
import { SUPP_8_ENTITIES } from '../rules/part-740/supplement-8-uae-approved.ts';
import { DESTINATION_SCOPE_VERSIONS } from '../rules/part-742/section-742.6-a6-destination-scope.ts';
import { MILITARY_COUNTRIES } from '../rules/part-744/section-744.21-military.ts';
import { HQ_RULE_VERSIONS, SUPERCOMPUTER_VERSIONS } from '../rules/part-744/section-744.23-supercomputer.ts';
import { EMBARGOES } from '../rules/part-746/section-746-embargoes.ts';
import { TIER_1 } from '../rules/ai-diffusion-2025/framework.ts';

/**
 * The rule-set version stamped on every determination: a readable release plus a digest of all rule data, so
 * any change to a table (a corrected date, a new overlay) yields a new id and stored answers can be replayed
 * against the data that produced them.
 */
export const RULE_SET_RELEASE = 'determination-2026.11.27';

const RULE_DATA = {
  MEMBERSHIPS,
  DESTINATION_SCOPE_VERSIONS,
  NAC_ACA_VERSIONS,
  SUPP_8_ENTITIES,
  HQ_RULE_VERSIONS,
  SUPERCOMPUTER_VERSIONS,
  MILITARY_COUNTRIES,
  EMBARGOES,
  PRODUCT_OVERLAYS,
  DESTINATION_NOTICES,
  TIER_1,
};

/** FNV-1a, 32 bit: enough to tell rule-data versions apart; not a security hash. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const RULE_DATA_DIGEST = fnv1a(JSON.stringify(RULE_DATA));
export const RULE_SET_VERSION = `${RULE_SET_RELEASE}+${RULE_DATA_DIGEST}`;
