/**
 * The files a source reads, so their identity (size, modification time) can go into its
 * fingerprint. A glob is expanded; a path that matches nothing is reported by DuckDB at run time.
 */
import { glob, isDynamicPattern } from 'tinyglobby';

export async function expandSourceFiles(absolutePattern: string): Promise<string[]> {
  if (!isDynamicPattern(absolutePattern)) return [absolutePattern];
  const matches = await glob(absolutePattern, { absolute: true, onlyFiles: true, expandDirectories: false });
  return matches.sort();
}
