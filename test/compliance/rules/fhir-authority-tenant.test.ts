import { TerraformVariable } from 'cdktf';
import { ComplianceResult } from '../../../lib';
import { compliantWorkspace, FHIR_PATH, runCompliance, SYSTEM_IDENTITY } from '../helpers';

const RULE = 'AHDS-FHIR-AUTHORITY-TENANT';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const OTHER_TENANT = 'ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee';

function withAuthority(authority: string | ((stack: Parameters<typeof compliantWorkspace>[0]) => string), provider = {}) {
  return runCompliance(
    (stack) =>
      compliantWorkspace(stack).addFhirService('Patients', {
        name: 'patients',
        identity: SYSTEM_IDENTITY,
        authentication: { authority: typeof authority === 'string' ? authority : authority(stack) },
      }),
    { provider },
  );
}

describe(RULE, () => {
  test('compliant: the default authority is the deploying tenant', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addFhirService('Patients', { name: 'patients', identity: SYSTEM_IDENTITY }));
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason:
        'FhirService authentication.authority "https://login.microsoftonline.com/${data.azurerm_client_config.HealthDataServicesClientConfig.tenant_id}" is the deploying tenant',
    });
  });

  test("compliant: a literal tenant that is the azurerm provider's tenant_id", () => {
    const run = withAuthority(`https://login.microsoftonline.com/${TENANT}`, { tenantId: TENANT });
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.COMPLIANT,
      reason: `FhirService authentication.authority names the provider's tenant "${TENANT}"`,
    });
  });

  test.each([
    [
      'a multi-tenant authority',
      'https://login.microsoftonline.com/common',
      {},
      'FhirService authentication.authority "https://login.microsoftonline.com/common" accepts tokens from any tenant ("common")',
    ],
    [
      'another tenant than the provider deploys into',
      `https://login.microsoftonline.com/${OTHER_TENANT}`,
      { tenantId: TENANT },
      `FhirService authentication.authority names tenant "${OTHER_TENANT}", but the azurerm provider deploys into tenant "${TENANT}"`,
    ],
    [
      'another identity provider',
      'https://contoso.b2clogin.com/contoso.onmicrosoft.com',
      {},
      'FhirService authentication.authority "https://contoso.b2clogin.com/contoso.onmicrosoft.com" is not a Microsoft Entra ID authority (login.microsoftonline.com, login.microsoftonline.us, login.chinacloudapi.cn, login.partner.microsoftonline.cn)',
    ],
  ])('non-compliant: %s fails the synth', (_name, authority, provider, reason) => {
    const run = withAuthority(authority, provider);
    expect(run.finding(RULE, FHIR_PATH)).toMatchObject({ result: ComplianceResult.NON_COMPLIANT, reason });
    expect(run.error).toContain(`[stack/Health/Patients] [${RULE}] ${reason}.`);
  });

  test('not applicable: DICOM authenticates with Entra ID on its own terms, so it is not checked', () => {
    const run = runCompliance((stack) => compliantWorkspace(stack).addDicomService('Images', { name: 'images', identity: SYSTEM_IDENTITY }));
    expect(run.report.findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });

  test('unknown: a literal tenant when the provider does not state one, or an authority that is a token', () => {
    const literal = withAuthority(`https://login.microsoftonline.com/${TENANT}`);
    expect(literal.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: expect.stringMatching(/names tenant "aaaaaaaa-.*"; the deploying tenant is known only when Terraform runs/),
    });
    const token = withAuthority((stack) => new TerraformVariable(stack, 'authority', { type: 'string' }).stringValue);
    expect(token.finding(RULE, FHIR_PATH)).toMatchObject({
      result: ComplianceResult.UNKNOWN,
      reason: 'FhirService authentication.authority is ${var.authority}, known only when Terraform runs',
    });
  });
});
