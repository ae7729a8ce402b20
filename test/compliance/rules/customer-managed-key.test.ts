import { TerraformVariable } from 'cdktf';
import { ComplianceResult } from '../../../lib';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_PATH, runCompliance, SYSTEM_IDENTITY } from '../helpers';

const RULE = 'AHDS-CUSTOMER-MANAGED-KEY';

describe(RULE, () => {
  test('compliant: DICOM encrypts with a Key Vault key', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addDicomService('Images', { name: 'images', ...DICOM_KEY }));
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({ result: ComplianceResult.COMPLIANT, reason: expect.stringMatching(/^DicomService encryption_key_url is "https:\/\/kv-health\.vault\.azure\.net\/keys\/dicom\//) });
  });

  test('non-compliant (warning): DICOM with Microsoft-managed keys', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addDicomService('Images', { name: 'images', identity: SYSTEM_IDENTITY }));
    expect(run.result(RULE, DICOM_PATH)).toBe(ComplianceResult.NON_COMPLIANT);
    expect(run.error).toBeUndefined();
    expect(run.annotations).toEqual([
      expect.objectContaining({
        constructPath: DICOM_PATH,
        level: '@cdktf/warn',
        message: expect.stringMatching(/^\[AHDS-CUSTOMER-MANAGED-KEY\] DicomService encryption_key_url is not set: data at rest uses Microsoft-managed keys\. .*Azure Policy 14961b63-a1eb-4378-8725-7e84ca8db0e6/),
      }),
    ]);
  });

  test('not applicable on FHIR, saying that azurerm 4.55 cannot set it', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY }));
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NOT_APPLICABLE,
      reason: expect.stringMatching(/^FhirService cannot be configured through azurerm 4\.55: azurerm_healthcare_fhir_service has no customer-managed-key argument/),
    });
  });

  test('a key URL that is a token counts as configured (a key is set; only its value is unknown)', () => {
    const run = runCompliance((stack) => {
      const key = new TerraformVariable(stack, 'key', { type: 'string' });
      compliantWorkspace(stack).addDicomService('Images', { name: 'images', identity: SYSTEM_IDENTITY, encryptionKeyUrl: key.stringValue });
    });
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({ result: ComplianceResult.COMPLIANT, reason: 'DicomService encryption_key_url is set (${var.key})' });
  });
});
