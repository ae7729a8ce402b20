import * as fs from 'fs';
import { EXAMPLE_FILES, renderClinicalPlatformDiagram } from '../../examples/clinical-platform';

describe("the README's example diagram (docs/health-data-diagram.svg and .md)", () => {
  test('is what the clinical-platform example synthesizes today (regenerate with npm run diagram:example)', () => {
    const { svg, markdown } = renderClinicalPlatformDiagram();
    expect(fs.readFileSync(EXAMPLE_FILES.markdown, 'utf8')).toBe(markdown);
    expect(fs.readFileSync(EXAMPLE_FILES.svg, 'utf8')).toBe(svg);
    expect(svg).toContain('>Workspace clinical · eastus2 · lock CanNotDelete</text>');
  });
});
