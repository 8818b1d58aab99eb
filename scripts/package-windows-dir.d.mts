// Types of package-windows-dir.mjs for the TypeScript tests.
export interface PackagedWindowsDir {
  workDir: string;
  stage: string;
  output: string;
  /** The unpacked app: <output>/win-unpacked. */
  appDir: string;
  asar: string;
  unpacked: string;
  electronVersion: string;
  /** electron-builder's output. */
  log: string;
}
export declare const createStandInElectron: (dir: string, electronVersion: string) => string;
export declare const packageWindowsDir: (workDir?: string) => PackagedWindowsDir;
