/**
 * The palette's list: node types grouped by the catalogue's categories (in its order), filtered by
 * a search over type, label, description and aliases. Every word must match somewhere; names
 * that start with the word rank first.
 */
import type { CatalogueJson, NodeTypeJson } from '../../../nodes/catalogue-json';

export interface PaletteGroup {
  category: string;
  label: string;
  types: NodeTypeJson[];
}

function score(type: NodeTypeJson, words: readonly string[]): number {
  const names = [type.type, type.label, ...type.aliases].map((s) => s.toLowerCase());
  const description = type.description.toLowerCase();
  let total = 0;
  for (const word of words) {
    if (names.some((n) => n === word)) total += 8;
    else if (names.some((n) => n.startsWith(word) || n.split(/[\s_()-]+/).some((part) => part.startsWith(word)))) total += 4;
    else if (names.some((n) => n.includes(word))) total += 2;
    else if (description.includes(word)) total += 1;
    else return 0;
  }
  return total;
}

export function paletteGroups(catalogue: CatalogueJson, query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return catalogue.categories
    .map(({ id, label }) => {
      const inCategory = catalogue.nodeTypes.filter((t) => t.category === id);
      if (words.length === 0) return { category: id, label, types: inCategory };
      const ranked = inCategory
        .map((t, i) => ({ t, i, s: score(t, words) }))
        .filter((r) => r.s > 0)
        .sort((a, b) => b.s - a.s || a.i - b.i)
        .map((r) => r.t);
      return { category: id, label, types: ranked };
    })
    .filter((g) => g.types.length > 0);
}
