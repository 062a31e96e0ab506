import type { IsoDate } from '../calendar/iso-date.ts';
import { findChip } from '../catalog/catalog.ts';
import type { AcceleratorSpec } from '../classification/accelerator-spec.ts';
import { classify } from '../classification/classify.ts';
import type { ClassificationResult } from '../classification/types.ts';
import type { ItemFacts } from '../rules/overlays/product-overlays.ts';

/** Vendors headquartered in the PRC, for the May 2025 GP10 guidance on PRC-designed advanced ICs. */
const PRC_VENDORS = ['huawei', 'cambricon', 'biren', 'moore threads', 'hygon', 'enflame', 'iluvatar', 'metax'];

export function itemFactsOf(spec: AcceleratorSpec): ItemFacts {
  const vendor = spec.vendor ?? '';
  return {
    id: spec.id,
    vendor,
    memoryBandwidthGBs: spec.memory_bw_gbs,
    interconnectBandwidthGBs: spec.interconnect_bw_gbs,
    prcDesigned: PRC_VENDORS.some((v) => vendor.toLowerCase().includes(v)),
  };
}

export interface ItemContext {
  readonly classification: ClassificationResult | null;
  readonly item: ItemFacts;
}

/**
 * Classification per (item, date), memoised: an order book repeats the same few items and dates, and
 * classifying is far more work than deciding a line. Bounded so a book with many dates cannot grow it forever.
 */
export class ClassificationCache {
  private readonly entries = new Map<string, ItemContext>();
  constructor(private readonly maxEntries = 50_000) {}

  get(itemId: string, asOf: IsoDate): ItemContext {
    const key = `${itemId}|${asOf}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const spec = findChip(itemId);
    const value: ItemContext = spec === undefined ? { classification: null, item: { id: itemId } } : { classification: classify(spec, asOf), item: itemFactsOf(spec) };
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
