import { App } from 'cdktf';
import { EventsStack } from './events';
import { ImagingPlatformStack } from './imaging-platform';
import { ProductionStack } from './production';
import { QuickstartStack } from './quickstart';
import { RemoteMonitoringStack } from './remote-monitoring';
import { SmartOnFhirStack } from './smart-on-fhir';
import { PrimaryRegionStack, SecondaryRegionStack } from './two-region';

/** Every example stack in one app: `npm run synth` writes each to cdktf.out/stacks/<name>/cdk.tf.json. */
export function buildExamples(app: App): App {
  new QuickstartStack(app, 'quickstart');
  new ImagingPlatformStack(app, 'imaging-platform');
  const primary = new PrimaryRegionStack(app, 'two-region-primary');
  new SecondaryRegionStack(app, 'two-region-secondary', primary);
  new RemoteMonitoringStack(app, 'remote-monitoring');
  new ProductionStack(app, 'production');
  new SmartOnFhirStack(app, 'smart-on-fhir');
  new EventsStack(app, 'events');
  return app;
}

if (require.main === module) {
  buildExamples(new App()).synth();
}
