/**
 * The one door to the CDK for Terraform core. Every other module of the library imports cdktf's classes from here,
 * so that the CDK Terrain build (`cdktn`) rewrites this file's specifiers and nothing else.
 */
export {
  AnnotationMetadataEntryType,
  booleanToTerraform,
  canInspect,
  hashMapper,
  listMapper,
  numberToTerraform,
  stringToTerraform,
  Annotations,
  App,
  Aspects,
  DefaultTokenResolver,
  dependable,
  DISABLE_STACK_TRACE_IN_METADATA,
  Fn,
  Lazy,
  Op,
  StringConcat,
  TerraformDataSource,
  TerraformElement,
  TerraformIterator,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Testing,
  Token,
  Tokenization,
} from 'cdktf';
export type { IAspect, IResolvable, ISynthesisSession, IStackSynthesizer, Precondition, TerraformMetaArguments, TerraformResourceLifecycle } from 'cdktf';
