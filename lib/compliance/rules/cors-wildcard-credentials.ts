import { isExpression, show } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, notApplicable, unknown } from '../rule';
import { corsCredentialsArgument, corsOriginsArgument, corsSettings } from './cors-settings';

/** `*` with credentials sends cookies and authorization headers to any origin's scripts. */
export const CORS_WILDCARD_CREDENTIALS: ComplianceRule = {
  id: 'AHDS-CORS-WILDCARD-CREDENTIALS',
  level: ComplianceLevel.ERROR,
  description: 'CORS on a FHIR or DICOM service does not combine a wildcard origin with allowed credentials.',
  fix: 'Turn credentials off (allowCredentials: false) or list the exact origins instead of "*".',
  appliesTo: [HEALTH_DATA_TYPES.fhir, HEALTH_DATA_TYPES.dicom],
  azurePolicy: ['fe1c9040-c46a-4e81-9aea-c7850fbb3aa6'],
  hipaa: ['164.312(a)(1)', '164.312(d)'],
  evaluate(resource) {
    const { origins, credentials } = corsSettings(resource);
    const originsArgument = corsOriginsArgument(resource);
    if (origins === undefined) return notApplicable('has no CORS configuration');
    if (typeof origins === 'string') return unknown(`${originsArgument} is ${origins}, known only when Terraform runs`);
    if (!origins.includes('*')) {
      return origins.some(isExpression)
        ? unknown(`${originsArgument} ${show(origins)} contains a value known only when Terraform runs`)
        : notApplicable('has no wildcard origin');
    }
    const argument = corsCredentialsArgument(resource);
    if (isExpression(credentials)) return unknown(`${argument} is ${credentials}, known only when Terraform runs`);
    if (credentials === true) return nonCompliant(`${originsArgument} ${show(origins)} with ${argument} true lets every origin send credentials`);
    return compliant(`${argument} is ${show(credentials ?? false)} with the wildcard origin`);
  },
};
