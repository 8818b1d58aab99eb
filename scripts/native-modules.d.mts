// Types of native-modules.mjs for the TypeScript tests.
export declare const NATIVE_EXTERNALS: string[];
export declare const PACKAGED_NODE_MODULES: string[];
