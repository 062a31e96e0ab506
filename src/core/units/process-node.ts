/**
 * The smallest process-node figure named in a free-text process description, in nm:
 * "TSMC 4N" → 4, "TSMC N3P (XCD) + N6 (IOD)" → 3, "Samsung 8nm" → 8, "SMIC 7nm-class (N+1/N+2)" → 7.
 * Null when the text names no node. Marketing node names, not physical dimensions.
 */
export function smallestNodeNm(processNode: string | null): number | null {
  if (processNode === null) return null;
  const found: number[] = [];
  for (const m of processNode.matchAll(/(\d+(?:\.\d+)?)\s*nm/gi)) found.push(Number(m[1]));
  for (const m of processNode.matchAll(/\bN(\d+)[A-Z]*\b/g)) found.push(Number(m[1]));
  for (const m of processNode.matchAll(/\b(\d+)NP?\b/g)) found.push(Number(m[1]));
  return found.length === 0 ? null : Math.min(...found);
}
