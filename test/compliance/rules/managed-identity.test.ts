import { TerraformVariable } from 'cdktf';
import { ComplianceResult, ManagedIdentityType } from '../../../lib';
import { KEY_URL } from '../../boundary-fixtures';
import { compliantWorkspace, DICOM_KEY, DICOM_PATH, FHIR_PATH, runCompliance, SYSTEM_IDENTITY, WORKSPACE_PATH } from '../helpers';

const RULE = 'AHDS-MANAGED-IDENTITY';

describe(RULE, () => {
  test('compliant: a system-assigned identity', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY }));
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({ result: ComplianceResult.COMPLIANT, reason: 'FhirService identity type "SystemAssigned"' });
  });

  test('non-compliant (warning): no identity', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addDicomService('Images', { name: 'images', encryptionKeyUrl: KEY_URL }));
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({ result: ComplianceResult.NON_COMPLIANT, reason: 'DicomService has no managed identity' });
    expect(run.error).toBeUndefined();
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        constructPath: DICOM_PATH,
        level: '@cdktf/warn',
        message: expect.stringMatching(/^\[AHDS-MANAGED-IDENTITY\] DicomService has no managed identity\. .*HIPAA 164\.312\(d\)/),
      }),
    );
  });

  test('not applicable: the workspace has no identity to check', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack));
    expect(run.report.findings.some((finding) => finding.ruleId === RULE && finding.constructPath === WORKSPACE_PATH)).toBe(false);
  });

  test('unknown: the identity type is a token', () => {
    const run = runCompliance((stack) => {
      const type = new TerraformVariable(stack, 'identity_type', { type: 'string' });
      compliantWorkspace(stack).addDicomService('Images', {
        name: 'images',
        ...DICOM_KEY,
        identity: { type: type.stringValue as ManagedIdentityType },
      });
    });
    expect(run.finding(RULE, DICOM_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: 'DicomService identity.type is ${var.identity_type}, known only when Terraform runs',
    });
  });
});
