/**
 * cdktf's custom-synthesis hook, the mechanism `TerraformAsset` uses to write files next to a stack during synthesis.
 *
 * Why a non-public import: cdktf 0.21 does not invoke App-level aspects on stacks, and offers no public step that
 * runs after a stack's aspects and validations but before its annotations are collected. This module is the only
 * place that reaches into `cdktf/lib/...`; cdktf is frozen (archived upstream) and CDK Terrain keeps the same module,
 * so the risk is contained here.
 */
export { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
