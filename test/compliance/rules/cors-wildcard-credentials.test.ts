import { TerraformVariable } from 'cdktf';
import { ComplianceResult, CorsOptions, HealthDataCompliance } from '../../../lib';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_PATH, runCompliance, SYSTEM_IDENTITY } from '../helpers';

const RULE = 'AHDS-CORS-WILDCARD-CREDENTIALS';
const cors = (allowedOrigins: string[], allowCredentials?: boolean): CorsOptions => ({
  allowedOrigins,
  allowedHeaders: ['*'],
  allowedMethods: ['GET'],
  allowCredentials,
});

describe(RULE, () => {
  test('compliant: a wildcard origin without credentials (the wildcard itself is the other rule)', () => {
    const run = runCompliance((stack) => {
      const fhir = compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, cors: cors(['*'], false) });
      HealthDataCompliance.suppress(fhir, 'AHDS-CORS-WILDCARD-ORIGIN', 'public terminology server, no PHI');
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'FhirService cors.credentials_allowed is false with the wildcard origin',
    });
    expect(run.error).toBeUndefined();
  });

  test('non-compliant: a wildcard origin with credentials, on FHIR (credentials_allowed) and DICOM (allow_credentials)', () => {
    const run = runCompliance((stack) => {
      const workspace = compliantWorkspace(stack);
      workspace.addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, cors: cors(['*'], true) });
      workspace.addDicomService('Images', { name: 'images', ...DICOM_KEY, cors: cors(['*'], true) });
    });
    expect(run.finding(RULE, FHIR_PATH).reason).toBe(
      'FhirService cors.allowed_origins ["*"] with cors.credentials_allowed true lets every origin send credentials',
    );
    expect(run.finding(RULE, DICOM_PATH).reason).toBe(
      'DicomService cors.allowed_origins ["*"] with cors.allow_credentials true lets every origin send credentials',
    );
    expect(run.result(RULE, DICOM_PATH)).toBe(ComplianceResult.NON_COMPLIANT);
    expect(run.error).toMatch(/\[stack\/Health\/Images\] \[AHDS-CORS-WILDCARD-CREDENTIALS\]/);
  });

  test('not applicable: named origins, or no CORS', () => {
    const run = runCompliance((stack) => {
      const workspace = compliantWorkspace(stack);
      workspace.addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY, cors: cors(['https://app.contoso.com'], true) });
      workspace.addDicomService('Images', { name: 'images', ...DICOM_KEY });
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({ result: ComplianceResult.NOT_APPLICABLE, reason: 'FhirService has no wildcard origin' });
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.NOT_APPLICABLE,
      reason: 'DicomService has no CORS configuration',
    });
  });

  test('unknown: credentials are a token next to a wildcard', () => {
    const run = runCompliance((stack) => {
      const credentials = new TerraformVariable(stack, 'credentials', { type: 'bool' });
      const fhir = compliantWorkspace(stack).addFhirService('Patients', {
        name: 'patients',
        identity: SYSTEM_IDENTITY,
        cors: cors(['*'], credentials.booleanValue as unknown as boolean),
      });
      HealthDataCompliance.suppress(fhir, 'AHDS-CORS-WILDCARD-ORIGIN', 'public terminology server, no PHI');
    });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: 'FhirService cors.credentials_allowed is ${var.credentials}, known only when Terraform runs',
    });
  });
});
