import { TerraformVariable } from 'cdktf';
import { ComplianceResult } from '../../../lib';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_KEY, FHIR_PATH, runCompliance, SYSTEM_IDENTITY } from '../helpers';

const RULE = 'AHDS-CUSTOMER-MANAGED-KEY';

describe(RULE, () => {
  test('compliant: DICOM encrypts with a Key Vault key', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addDicomService('Images', { name: 'images', ...DICOM_KEY }));
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: expect.stringMatching(/^DicomService encryption_key_url is "https:\/\/kv-health\.vault\.azure\.net\/keys\/dicom\//),
    });
  });

  test('non-compliant (warning): DICOM with Microsoft-managed keys', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addDicomService('Images', { name: 'images', identity: SYSTEM_IDENTITY }));
    expect(run.result(RULE, DICOM_PATH)).toBe(ComplianceResult.NON_COMPLIANT);
    expect(run.error).toBeUndefined();
    expect(run.annotations).toEqual([
      expect.objectContaining({
        constructPath: DICOM_PATH,
        level: '@cdktf/warn',
        message: expect.stringMatching(
          /^\[AHDS-CUSTOMER-MANAGED-KEY\] DicomService encryption_key_url is not set: data at rest uses Microsoft-managed keys\. .*Azure Policy 14961b63-a1eb-4378-8725-7e84ca8db0e6/,
        ),
      }),
    ]);
  });

  test('applies to FHIR: an azurerm FHIR service cannot hold a key, so it is non-compliant and the fix says how', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY }));
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      resourceType: 'azurerm_healthcare_fhir_service',
      reason:
        'FhirService is an azurerm_healthcare_fhir_service, which cannot hold a customer-managed key (azurerm 4.55 has no argument for it): data at rest uses Microsoft-managed keys',
    });
    expect(run.annotations.map((annotation) => annotation.message).find((message) => message.startsWith(`[${RULE}]`))).toMatch(
      /Fix: Set encryptionKeyUrl on the DICOM or FHIR service .*\(a FHIR service is then written through AzAPI\)/,
    );
  });

  test('compliant: a FHIR service with encryptionKeyUrl (an azapi_resource) reads the key from the ARM body', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', ...FHIR_KEY }));
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      resourceType: 'azapi_resource',
      reason: `FhirService body.properties.encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl is "${FHIR_KEY.encryptionKeyUrl}"`,
    });
  });

  test('non-compliant: an AzAPI FHIR service (another AzAPI setting) without a key', () => {
    const run = runCompliance((stack) =>
      compliantWorkspace(stack).addFhirService('Patients', {
        name: 'patients',
        identity: SYSTEM_IDENTITY,
        resourceVersionPolicy: { default: 'versioned' },
      }),
    );
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.NON_COMPLIANT,
      resourceType: 'azapi_resource',
      reason:
        'FhirService body.properties.encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl is not set: data at rest uses Microsoft-managed keys',
    });
  });

  test('an addOverride of the AzAPI body is what is checked', () => {
    const run = runCompliance((stack) => {
      const fhir = compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', ...FHIR_KEY });
      fhir.resource.addOverride('body.properties.encryption', null);
    });
    expect(run.result(RULE, FHIR_PATH)).toBe(ComplianceResult.NON_COMPLIANT);
  });

  test('a key URL that is a token counts as configured (a key is set; only its value is unknown)', () => {
    const run = runCompliance((stack) => {
      const key = new TerraformVariable(stack, 'key', { type: 'string' });
      compliantWorkspace(stack).addDicomService('Images', { name: 'images', identity: SYSTEM_IDENTITY, encryptionKeyUrl: key.stringValue });
    });
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: 'DicomService encryption_key_url is set (${var.key})',
    });
  });
});
