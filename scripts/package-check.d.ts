// Types for scripts/package-check.js (a plain Node script, so `node scripts/package-check.js` runs without a build).
export declare const repoRoot: string;
export declare const REQUIRED_APP_FILES: readonly string[];
export declare const RENDERER_LIBRARIES: readonly string[];

export interface AsarEntry {
  size: number;
  /** Lies in app.asar.unpacked rather than inside the archive. */
  unpacked: boolean;
}

export interface PackageReport {
  /** What is wrong, one sentence each; empty when the package is fine. */
  problems: string[];
  asarBytes: number;
  unpackedBytes: number;
  examplesBytes?: number;
  /** Files inside app.asar (not counting unpacked ones). */
  fileCount: number;
}

export interface CheckResult extends Partial<Omit<PackageReport, 'problems'>> {
  ok: boolean;
  problems: string[];
  seconds: number;
  /** The packed app (inside workDir; deleted after the check unless `keep`). */
  appOutDir?: string;
  /** The check's temp folder, left in place with `keep`: the caller deletes it. */
  workDir?: string;
}

export declare function missingBuildOutputs(projectDir?: string): string[];
export declare function makeElectronStandIn(dir: string, electronVersion: string): string;
export declare function runElectronBuilder(options: { projectDir: string; electronDist: string; outputDir: string }):
  | { ok: true; log: string; appOutDir: string }
  | { ok: false; log: string; error: string };
export declare function readAsarEntries(file: string): Map<string, AsarEntry>;
export declare function pngSize(file: string): { width: number; height: number } | undefined;
export declare function iconProblems(projectDir?: string): string[];
export declare function inspectPackage(options: { projectDir?: string; appOutDir: string }): PackageReport;
export declare function checkPackage(options?: { projectDir?: string; keep?: boolean }): CheckResult;
export declare function metadataProblems(projectDir?: string): string[];
export declare function smokeStartEngine(options: { appOutDir: string; workDir: string }): string | undefined;
