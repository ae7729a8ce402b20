/**
 * The context keys of the stack diagram (set them in `cdktf.json` `"context"`, `new App({ context })`, or
 * `node.setContext`): each stack holding constructs of this library gets `health-data-diagram.md` (Mermaid) by
 * default, and `health-data-diagram.svg` when asked.
 */
export class HealthDataDiagram {
  /** `false` turns the Mermaid file off. */
  public static readonly CONTEXT_KEY = 'cdktf-azure-health-data-services:diagram';
  /** `true` also writes the SVG (rendered by Graphviz; needs the package `@viz-js/viz`). */
  public static readonly SVG_CONTEXT_KEY = 'cdktf-azure-health-data-services:diagramSvg';

  private constructor() {}
}
