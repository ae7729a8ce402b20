import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// In your own app: from 'cdktf-azure-health-data-services'.
import { FhirVersion, SmartDataAction, Workspace } from '../lib';

/**
 * SMART on FHIR with an external identity provider: patients sign in to a patient-facing app through an Azure AD B2C
 * tenant (any OpenID Connect provider that issues `fhirUser`, `azp` and SMART v1 `scp` claims works), while staff keep
 * signing in with the organization's Entra ID tenant (the service's own authority). The identity providers, and US
 * Core "missing data" support, are settings azurerm cannot write: the library writes the FHIR service as one
 * `azapi_resource`.
 */
export class SmartOnFhirStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    // The B2C tenant and the app registrations are managed elsewhere; their ids come from the pipeline.
    const patientAppId = new TerraformVariable(this, 'patient_app_client_id', {
      type: 'string',
      description: 'Client id of the patient app registered in the B2C tenant',
    });

    const group = new ResourceGroup(this, 'Group', { name: 'rg-health-smart', location: 'westus2' });
    const workspace = new Workspace(this, 'Health', {
      name: 'healthsmart',
      location: 'westus2',
      resourceGroupName: group.name,
      tags: { environment: 'prod', dataClassification: 'phi' },
    });
    const fhir = workspace.addFhirService('Patients', {
      name: 'patients',
      kind: FhirVersion.R4,
      authentication: {
        smartIdentityProviders: [
          {
            authority: 'https://contosohealth.b2clogin.com/contosohealth.onmicrosoft.com/B2C_1A_SMART_SIGNIN/v2.0',
            applications: [
              {
                clientId: patientAppId.stringValue,
                audience: 'https://healthsmart-patients.fhir.azurehealthcareapis.com',
                allowedDataActions: [SmartDataAction.READ],
              },
            ],
          },
        ],
      },
      implementationGuides: { usCoreMissingData: true },
      // The patient app runs in the browser.
      cors: {
        allowedOrigins: ['https://patients.contoso-health.example'],
        allowedHeaders: ['Authorization', 'Content-Type', 'Accept'],
        allowedMethods: ['GET', 'OPTIONS'],
        maxAgeInSeconds: 3600,
      },
    });

    new TerraformOutput(this, 'fhir_endpoint', { value: fhir.fhirServiceEndpoint, staticId: true });
    new TerraformOutput(this, 'smart_configuration', { value: `${fhir.fhirServiceEndpoint}/.well-known/smart-configuration`, staticId: true });
  }
}
