// Types for electron-binary.js (plain Node ESM, so `npm start` needs no build step).
export declare function defaultExecutable(platform: string): string;

export interface ElectronLookup {
  env: Record<string, string | undefined>;
  /** The repository (or package) root holding node_modules/. */
  root: string;
  platform?: string;
  exists(file: string): boolean;
  readFile(file: string): string;
}

export declare function findElectronBinary(io: ElectronLookup): { binary: string } | { reason: string };
