import { isExpression, show } from '../model/terraform-values';
import { compliant, ComplianceLevel, ComplianceRule, HEALTH_DATA_TYPES, nonCompliant, notApplicable, unknown } from '../rule';
import { corsOriginsArgument, corsSettings } from './cors-settings';

/** A service whose CORS allows `*` lets any web page call it with a user's token in the browser. */
export const CORS_WILDCARD_ORIGIN: ComplianceRule = {
  id: 'AHDS-CORS-WILDCARD-ORIGIN',
  level: ComplianceLevel.ERROR,
  description: 'CORS on a FHIR or DICOM service does not allow every origin (`*` in allowed origins).',
  fix: 'List the exact origins of the apps that call the service, e.g. "https://portal.contoso.com".',
  appliesTo: [HEALTH_DATA_TYPES.fhir, HEALTH_DATA_TYPES.dicom],
  azurePolicy: ['fe1c9040-c46a-4e81-9aea-c7850fbb3aa6'],
  hipaa: ['164.312(a)(1)', '164.312(e)(1)'],
  evaluate(resource) {
    const { origins } = corsSettings(resource);
    const originsArgument = corsOriginsArgument(resource);
    if (origins === undefined) return notApplicable('has no CORS configuration');
    if (typeof origins === 'string') return unknown(`${originsArgument} is ${origins}, known only when Terraform runs`);
    if (origins.includes('*')) return nonCompliant(`${originsArgument} ${show(origins)} allows every origin`);
    if (origins.some(isExpression)) return unknown(`${originsArgument} ${show(origins)} contains a value known only when Terraform runs`);
    if (origins.length === 0) return notApplicable(`${originsArgument} is empty`);
    return compliant(`${originsArgument} ${show(origins)} names its origins`);
  },
};
