// The modules the main-process bundles leave out (scripts/build-main.mjs, ADR 0301), and what the Windows
// installer must therefore carry in node_modules (electron-builder.yml `files`, ADR 0305). Checked by
// scripts/packaging.test.ts against the built app.asar.

/** Never bundled: `electron` is the host itself; the two drivers have a compiled part (.node). */
export const NATIVE_EXTERNALS = ['electron', 'oracledb', 'better-sqlite3'];

/**
 * node_modules of the installed app: the drivers and what they load at run time (better-sqlite3 finds its
 * binary through `bindings`, which needs `file-uri-to-path`). better-sqlite3's `prebuild-install` runs only
 * at install time, so it stays out.
 */
export const PACKAGED_NODE_MODULES = ['better-sqlite3', 'bindings', 'file-uri-to-path', 'oracledb'];
