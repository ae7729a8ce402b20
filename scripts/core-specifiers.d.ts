/** Types of core-specifiers.js (plain CommonJS so that jest configs and the `--require` hook load it directly). */
export type Core = 'cdktf' | 'cdktn';
export declare const CORES: readonly Core[];
export declare const CDKTN_PACKAGES: Readonly<Record<string, string>>;
export declare function packageNameOf(specifier: string): string | undefined;
export declare function isCdktfSpecifier(specifier: string): boolean;
export declare function mapSpecifier(specifier: string, core: Core): string;
export declare function jestModuleNameMapper(core: Core): Record<string, string>;
