// Types for start-plan.js (plain Node ESM, so `npm start` needs no build step).
export declare function splitArgs(args: string[]): { options: string[]; positional: string[] };

export interface StartInput {
  /** The arguments after `npm start --`. */
  args: string[];
  /** Where the user typed the command (npm's INIT_CWD). */
  cwd: string;
  /** The repository root. */
  root: string;
  electron: { binary: string } | { reason: string };
  /** The Node executable that runs `millrace serve`. */
  node: string;
  exists(file: string): boolean;
  isDirectory(file: string): boolean;
}

export type StartPlan = { kind: 'fail'; message: string } | { kind: 'run'; notice?: string; command: string; args: string[]; cwd: string };

export declare function planStart(input: StartInput): StartPlan;
