import { Construct } from 'constructs';
import { HealthDataRole } from '../access/health-data-role';
import { checkResourceIdLength, SERVICE_NAME_RULE } from '../core/names';
import { HealthcareMedtechServiceFhirDestination } from '../core/platform/azurerm';
import type { HealthcareMedtechServiceFhirDestinationTimeouts } from '../core/platform/azurerm';
import { Annotations, Op } from '../core/platform/cdktf';
import { NameRegistry } from '../core/service-registry';
import { checkTimeouts } from '../core/timeouts';
import { fail, InputProblems, isUnresolved } from '../core/validation';
import { FhirVersion, IFhirService } from '../fhir-service';
import { grantToMedTechIdentity } from './identity-grants';
import type { FhirMappingDocument } from './mapping';
import { fhirMappingFindings, MappingInput, ParsedMapping, readMapping, reportFindings } from './mapping-input';
import type { IMedTechService } from './medtech-service-ref';

/** How MedTech finds the Patient and Device an Observation belongs to. */
export type IdentityResolution = 'Create' | 'Lookup';

/** Where a MedTech service writes FHIR Observations. */
export interface MedTechFhirDestinationOptions {
  /** The FHIR service to write to: an R4 service, normally in the same workspace. */
  readonly fhirService: IFhirService;
  /**
   * `Lookup`: Device and Patient must exist (found by device identifier). `Create`: created when missing, from the
   * device and patient ids of the device mapping (`patientIdExpression` needed).
   */
  readonly identityResolution: IdentityResolution;
  /**
   * The FHIR destination mapping (`{"templateType": "CollectionFhir", "template": [...]}`) as an object, a JSON
   * string, or built with `FhirMapping`. Checked at synth, and against the device mapping.
   */
  readonly fhirMapping: MappingInput<FhirMappingDocument>;
  /**
   * The destination's name: 3-24 letters, digits or '-'.
   * @default "fhir-destination"
   */
  readonly name?: string;
  /**
   * Terraform operation timeouts.
   * @default - the provider's: create 90m, read 5m, update 90m, delete 90m
   */
  readonly timeouts?: HealthcareMedtechServiceFhirDestinationTimeouts;
}

/** Properties of a {@link MedTechFhirDestination}: the options, and what its MedTech service hands it. */
export interface MedTechFhirDestinationProps extends MedTechFhirDestinationOptions {
  readonly medTechService: IMedTechService;
  /** The MedTech service's device mapping, for the linkage check. */
  readonly deviceMapping?: ParsedMapping;
}

const DEFAULT_NAME = 'fhir-destination';
const IDENTITY_RESOLUTIONS: readonly string[] = ['Create', 'Lookup'];

/**
 * A MedTech FHIR destination (`azurerm_healthcare_medtech_service_fhir_destination`): one per MedTech service, in
 * its region, writing to a FHIR R4 service with the FHIR Data Writer role.
 */
export class MedTechFhirDestination extends Construct {
  /**
   * The destination's Azure resource id.
   * @attribute
   */
  public readonly fhirDestinationId: string;
  /**
   * The destination's name.
   * @attribute
   */
  public readonly fhirDestinationName: string;
  /** The `azurerm_healthcare_medtech_service_fhir_destination` resource (escape hatch for `addOverride`). */
  public readonly resource: HealthcareMedtechServiceFhirDestination;

  constructor(scope: Construct, id: string, props: MedTechFhirDestinationProps) {
    super(scope, id);
    const medTech = props.medTechService;
    const earlier = NameRegistry.claim(medTech, 'MedTechFhirDestination', 'the one', this);
    if (earlier) {
      fail(
        this,
        `MedTechService ${medTech.node.path} already has the FHIR destination ${earlier}: Azure allows one FHIR destination per MedTech service. Define another MedTech service for another destination.`,
      );
    }
    const name = props.name ?? DEFAULT_NAME;
    const problems = new InputProblems(this)
      .check('MedTechService destination.name', name, SERVICE_NAME_RULE)
      .check('MedTechService destination.identityResolution', props.identityResolution as string, {
        requirement: '"Create" or "Lookup"',
        test: (value) => IDENTITY_RESOLUTIONS.includes(value),
        fix: (value) => {
          const match = IDENTITY_RESOLUTIONS.find((option) => option.toLowerCase() === String(value).toLowerCase());
          return match ? `Use "${match}".` : undefined;
        },
      });
    this.checkFhirService(problems, props.fhirService, medTech);
    checkResourceIdLength(
      problems,
      'MedTechService destination',
      medTech.workspace.resourceGroupName,
      medTech.workspace.workspaceName,
      ['iotConnectors', medTech.medTechServiceName, 'fhirDestinations', name],
      'Shorten the resource group, MedTech or destination name.',
    );
    const fhirMapping = readMapping(this, problems, props.fhirMapping, 'destination.fhirMapping');
    if (fhirMapping.document !== undefined) reportFindings(this, problems, fhirMappingFindings(fhirMapping, props.deviceMapping));
    if (props.identityResolution === 'Create' && props.deviceMapping?.document !== undefined) warnIfNoPatientId(this, props.deviceMapping.document);
    checkTimeouts(problems, 'MedTechService destination.timeouts', props.timeouts);
    problems.throwIfAny();

    this.fhirDestinationName = name;
    this.resource = new HealthcareMedtechServiceFhirDestination(this, 'Resource', {
      name,
      medtechServiceId: medTech.medTechServiceId,
      location: medTech.location,
      destinationFhirServiceId: props.fhirService.fhirServiceId,
      destinationIdentityResolutionType: props.identityResolution,
      destinationFhirMappingJson: fhirMapping.json,
      timeouts: props.timeouts,
      lifecycle: problems.preconditions.length > 0 ? { precondition: [...problems.preconditions] } : undefined,
    });
    this.fhirDestinationId = this.resource.id;
    grantToMedTechIdentity(
      medTech,
      'FhirDataWriter',
      props.fhirService.fhirServiceId,
      HealthDataRole.FHIR_DATA_WRITER,
      `the FHIR service ${props.fhirService.node.path}`,
    );
  }

  private checkFhirService(problems: InputProblems, fhirService: IFhirService | undefined, medTech: IMedTechService): void {
    if (fhirService === undefined || fhirService === null || typeof fhirService.fhirServiceId !== 'string') {
      problems.add('MedTechService destination.fhirService is missing: pass a FhirService (or FhirService.fromFhirServiceAttributes(...)).');
      return;
    }
    if (isUnresolved(fhirService.fhirVersion)) {
      problems.checkAtPlan(
        Op.eq(fhirService.fhirVersion, FhirVersion.R4),
        `MedTechService destination.fhirService ${fhirService.node.path} is invalid: MedTech writes only to FHIR R4 services ("${FhirVersion.R4}"). Use a service with kind FhirVersion.R4.`,
      );
    } else if (fhirService.fhirVersion !== undefined && fhirService.fhirVersion !== FhirVersion.R4) {
      problems.add(
        `MedTechService destination.fhirService ${fhirService.node.path} is a "${fhirService.fhirVersion}" service: MedTech writes only to FHIR R4 services. Use a service with kind FhirVersion.R4.`,
      );
    }
    if (fhirService.workspace !== undefined && fhirService.workspace !== medTech.workspace) {
      Annotations.of(this).addWarning(
        `MedTechService destination.fhirService ${fhirService.node.path} is in workspace ${fhirService.workspace.node.path}, not in the MedTech service's workspace ${medTech.workspace.node.path}: ` +
          'Microsoft documents and tests MedTech only with a FHIR service of its own workspace, and PHI then leaves the workspace boundary.',
      );
    }
  }
}

/** With `Create`, MedTech needs a patient id per message (unless Device and Patient exist already). */
function warnIfNoPatientId(scope: Construct, deviceMapping: unknown): void {
  const templates = memberOf(deviceMapping, 'template');
  if (!Array.isArray(templates)) return;
  templates.forEach((entry: unknown, index: number) => {
    const template = memberOf(entry, 'template');
    if (typeof template === 'object' && template !== null && memberOf(template, 'patientIdExpression') === undefined) {
      Annotations.of(scope).addWarning(
        `deviceMapping.template[${index}].template has no patientIdExpression, and identityResolution is "Create": MedTech cannot create a Patient for a new device ` +
          '(ResourceIdentityNotDefinedException for each of its messages). Add patientIdExpression, or use "Lookup" with pre-registered Devices.',
      );
    }
  });
}

/** A member of a JSON object, its name matched case-insensitively as the service's deserializer does. */
function memberOf(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const key = Object.keys(value).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (value as Record<string, unknown>)[key];
}
