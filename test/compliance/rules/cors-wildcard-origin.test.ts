import { TerraformVariable } from 'cdktf';
import { ComplianceResult, CorsOptions } from '../../../lib';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_PATH, runCompliance, SYSTEM_IDENTITY } from '../helpers';

const RULE = 'AHDS-CORS-WILDCARD-ORIGIN';
const cors = (allowedOrigins: string[]): CorsOptions => ({ allowedOrigins, allowedHeaders: ['Authorization'], allowedMethods: ['GET'] });

describe(RULE, () => {
  test('compliant: the origins are named', () => {
    const run = runCompliance((stack) =>
      compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, cors: cors(['https://app.contoso.com']) }),
    );
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'FhirService cors.allowed_origins ["https://app.contoso.com"] names its origins',
    });
    expect(run.error).toBeUndefined();
  });

  test('non-compliant: "*" on FHIR fails the synth with the path, the value, the rule and the fix', () => {
    const run = runCompliance((stack) =>
      compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, cors: cors(['*']) }),
    );
    expect(run.result(RULE, FHIR_PATH)).toBe(ComplianceResult.NON_COMPLIANT);
    expect(run.error).toContain('[stack/Health/Patients] [AHDS-CORS-WILDCARD-ORIGIN] FhirService cors.allowed_origins ["*"] allows every origin.');
    expect(run.error).toContain('Azure Policy fe1c9040-c46a-4e81-9aea-c7850fbb3aa6; HIPAA 164.312(a)(1), 164.312(e)(1)');
    expect(run.error).toContain('Fix: List the exact origins');
  });

  test('non-compliant: "*" among other origins on DICOM', () => {
    const run = runCompliance((stack) =>
      compliantWorkspace(stack).addDicomService('Images', { name: 'images', ...DICOM_KEY, cors: cors(['https://viewer.contoso.com', '*']) }),
    );
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      reason: 'DicomService cors.allowed_origins ["https://viewer.contoso.com","*"] allows every origin',
    });
  });

  test('not applicable: no CORS configuration', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY }));
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({ result: ComplianceResult.NOT_APPLICABLE, reason: 'FhirService has no CORS configuration' });
  });

  test('unknown: the origins are a token', () => {
    const run = runCompliance((stack) => {
      const origins = new TerraformVariable(stack, 'origins', { type: 'list(string)' });
      compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, cors: cors(origins.listValue) });
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: 'FhirService cors.allowed_origins is ${var.origins}, known only when Terraform runs',
    });
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: '@cdktf/info',
        message: expect.stringContaining('[AHDS-CORS-WILDCARD-ORIGIN] FhirService not checked at synth'),
      }),
    );
  });

  test('sees a wildcard added through the escape hatch', () => {
    const run = runCompliance((stack) => {
      const fhir = compliantWorkspace(stack).addFhirService('Patients', {
        name: 'patients',
        identity: SYSTEM_IDENTITY,
        cors: cors(['https://app.contoso.com']),
      });
      fhir.resource.addOverride('cors.allowed_origins', ['*']);
    });
    expect(run.result(RULE, FHIR_PATH)).toBe(ComplianceResult.NON_COMPLIANT);
    expect(run.error).toMatch(/cors\.allowed_origins \["https:\/\/app\.contoso\.com","\*"\] allows every origin/);
  });
});
