import { Fn, Lazy, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { DeviceMapping, FhirMapping, FhirService, FhirVersion, ManagedIdentityType, Workspace, checkDeviceMapping } from '../../lib';
import { APPLY_TIME_VALUE, describeInput } from '../../lib/core/describe';
import { fail, InputProblems } from '../../lib/core/validation';
import { errorOf, synth } from '../helpers';
import { evaluateExpression } from './terraform-console';

/** Tokens are never rejected; where a rule still matters it runs at plan; messages never show token text. */

const EVENT_HUB = { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' };
const UAI = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/app';
const RAW_TOKEN = /TfToken|TOKEN\.\d/;

const workspaceIn = (stack: TerraformStack): Workspace =>
  new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg-health' });
const variable = (stack: TerraformStack, id: string, type: string): TerraformVariable => new TerraformVariable(stack, id, { type });

const heartRateTemplate = (required: unknown) => ({
  templateType: 'CalculatedContent',
  template: {
    typeName: 'heartrate',
    typeMatchExpression: '$..[?(@heartRate)]',
    deviceIdExpression: '$.matchedToken.deviceId',
    patientIdExpression: '$.matchedToken.patientId',
    timestampExpression: '$.matchedToken.endDate',
    values: [{ valueName: 'hr', valueExpression: '$.matchedToken.heartRate', required }],
  },
});

describe('token mappings pass through to Terraform', () => {
  test("the issue's example: a variable of type any as the whole device mapping", () => {
    const result = synth((stack) => {
      workspaceIn(stack).addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENT_HUB,
        deviceMapping: variable(stack, 'mapping', 'any').value,
      });
    });
    expect(result.resource('azurerm_healthcare_medtech_service').device_mapping_json).toBe('${jsonencode(var.mapping)}');
  });

  test('a string token as the whole mapping goes as it is, for the device and the FHIR mapping', () => {
    const result = synth((stack) => {
      const workspace = workspaceIn(stack);
      workspace.addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENT_HUB,
        deviceMapping: variable(stack, 'device', 'string').stringValue,
        destination: {
          fhirService: workspace.addFhirService('Fhir', { name: 'records' }),
          identityResolution: 'Create',
          fhirMapping: Fn.file('fhir-mapping.json'),
        },
      });
    });
    expect(result.resource('azurerm_healthcare_medtech_service').device_mapping_json).toBe('${var.device}');
    expect(result.resource('azurerm_healthcare_medtech_service_fhir_destination').destination_fhir_mapping_json).toBe('${file("fhir-mapping.json")}');
  });

  test('an object token as the FHIR mapping is JSON-encoded by Terraform', () => {
    const result = synth((stack) => {
      const workspace = workspaceIn(stack);
      workspace.addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENT_HUB,
        deviceMapping: DeviceMapping.collection([DeviceMapping.calculatedContent(heartRateTemplate(true).template as never)]),
        destination: {
          fhirService: workspace.addFhirService('Fhir', { name: 'records' }),
          identityResolution: 'Create',
          fhirMapping: variable(stack, 'fhir', 'any').value,
        },
      });
    });
    expect(result.resource('azurerm_healthcare_medtech_service_fhir_destination').destination_fhir_mapping_json).toBe('${jsonencode(var.fhir)}');
  });

  test("the issue's example: `required: boolVar.booleanValue` inside a template", () => {
    const result = synth((stack) => {
      const required = variable(stack, 'required', 'bool');
      workspaceIn(stack).addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENT_HUB,
        deviceMapping: { templateType: 'CollectionContent', template: [heartRateTemplate(required.booleanValue)] },
      });
    });
    const json = result.resource('azurerm_healthcare_medtech_service').device_mapping_json as string;
    expect(json.startsWith('${jsonencode({')).toBe(true);
    expect(json).toContain('"required" = var.required');
    expect(json).toContain('"valueExpression" = "$.matchedToken.heartRate"');
  });

  test.each([
    [
      'an object token as a template',
      (stack: TerraformStack) => ({ templateType: 'CollectionContent', template: [variable(stack, 't', 'any').value] }),
    ],
    [
      'a list token as the template array',
      (stack: TerraformStack) => ({ templateType: 'CollectionContent', template: variable(stack, 't', 'list(any)').listValue }),
    ],
    [
      'a string token as an expression',
      (stack: TerraformStack) => ({
        templateType: 'CollectionContent',
        template: [
          {
            ...heartRateTemplate(true),
            template: { ...heartRateTemplate(true).template, deviceIdExpression: variable(stack, 't', 'string').stringValue },
          },
        ],
      }),
    ],
    [
      'a number token as a value',
      (stack: TerraformStack) => ({
        templateType: 'CollectionContent',
        template: [heartRateTemplate(true)],
        extra: variable(stack, 't', 'number').numberValue,
      }),
    ],
    [
      'a lazy object inside',
      (stack: TerraformStack) => ({
        templateType: 'CollectionContent',
        template: [heartRateTemplate(Lazy.anyValue({ produce: () => true }))],
        stackName: stack.node.id,
      }),
    ],
  ])('%s passes and is written by Terraform', (_, build) => {
    const result = synth((stack) => {
      workspaceIn(stack).addMedTechService('Devices', { name: 'devices', eventHub: EVENT_HUB, deviceMapping: build(stack) as never });
    });
    const json = result.resource('azurerm_healthcare_medtech_service').device_mapping_json as string;
    expect(json).not.toMatch(RAW_TOKEN);
    expect(json).not.toContain('unresolved');
  });

  test('a token inside still lets the other checks run on the known parts', () => {
    const message = errorOf(() =>
      synth((stack) => {
        const required = variable(stack, 'required', 'bool');
        const bad = heartRateTemplate(required.booleanValue);
        workspaceIn(stack).addMedTechService('Devices', {
          name: 'devices',
          eventHub: EVENT_HUB,
          deviceMapping: { templateType: 'CollectionContent', template: [{ ...bad, template: { ...bad.template, timestampExpression: '$.[' } }] },
        });
      }),
    );
    expect(message).toContain('timestampExpression');
    expect(message).not.toMatch(RAW_TOKEN);
  });

  test('the public checks never walk into a token, even without options', () => {
    const stack = new TerraformStack(undefined as never, 'stack');
    void stack;
    expect(checkDeviceMapping(Token.asAny(Fn.file('x.json')))).toEqual([]);
    const findings = checkDeviceMapping({ templateType: 'CollectionContent', template: [heartRateTemplate(Token.asAny(Fn.file('b')))] });
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  });
});

describe('identity type as a token', () => {
  const cases = [
    [
      'FhirService',
      (workspace: Workspace, type: ManagedIdentityType) =>
        workspace.addFhirService('Service', { name: 'records', identity: { type, identityIds: [UAI] } }),
      'azurerm_healthcare_fhir_service',
      ['SystemAssigned', 'UserAssigned'],
    ],
    [
      'DicomService',
      (workspace: Workspace, type: ManagedIdentityType) =>
        workspace.addDicomService('Service', { name: 'images', identity: { type, identityIds: [UAI] } }),
      'azurerm_healthcare_dicom_service',
      ['SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned'],
    ],
    [
      'MedTechService',
      (workspace: Workspace, type: ManagedIdentityType) =>
        workspace.addMedTechService('Service', {
          name: 'devices',
          eventHub: EVENT_HUB,
          deviceMapping: { templateType: 'CollectionContent', template: [] },
          identity: { type, identityIds: [UAI] },
        }),
      'azurerm_healthcare_medtech_service',
      ['SystemAssigned', 'UserAssigned'],
    ],
  ] as const;

  test.each(cases)('%s: a token type with identityIds is accepted, and checked at plan', (label, build, type, allowed) => {
    const result = synth((stack) => {
      build(workspaceIn(stack), variable(stack, 'identityType', 'string').stringValue as ManagedIdentityType);
    });
    const resource = result.resource(type);
    expect(resource.identity).toEqual({ type: '${var.identityType}', identity_ids: [UAI] });
    const precondition = (resource.lifecycle.precondition as Array<{ condition: string; error_message: string }>).find((p) =>
      p.error_message.includes(`${label} identity is invalid`),
    );
    expect(precondition).toBeDefined();
    expect(precondition!.error_message).not.toMatch(RAW_TOKEN);
    // What Terraform decides at plan, for each type, with the one id given.
    for (const candidate of ['SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned', 'Bogus']) {
      const expected = allowed.includes(candidate as never) && candidate.includes('UserAssigned');
      expect([candidate, evaluateExpression(precondition!.condition, { 'var.identityType': JSON.stringify(candidate) })]).toEqual([
        candidate,
        String(expected),
      ]);
    }
  });

  test('a token type without identityIds: only a system-assigned type passes the plan-time check', () => {
    const result = synth((stack) => {
      workspaceIn(stack).addFhirService('Service', {
        name: 'records',
        identity: { type: variable(stack, 'identityType', 'string').stringValue as ManagedIdentityType },
      });
    });
    const precondition = (result.resource('azurerm_healthcare_fhir_service').lifecycle.precondition as Array<{ condition: string }>)[0];
    expect(evaluateExpression(precondition.condition, { 'var.identityType': '"SystemAssigned"' })).toBe('true');
    expect(evaluateExpression(precondition.condition, { 'var.identityType': '"UserAssigned"' })).toBe('false');
  });

  test('a token type with a token list of ids is accepted', () => {
    const result = synth((stack) => {
      const ids = variable(stack, 'ids', 'list(string)').listValue;
      workspaceIn(stack).addDicomService('Service', {
        name: 'images',
        identity: { type: variable(stack, 'identityType', 'string').stringValue as ManagedIdentityType, identityIds: ids },
      });
    });
    const precondition = (result.resource('azurerm_healthcare_dicom_service').lifecycle.precondition as Array<{ condition: string }>)[0];
    expect(precondition.condition).toContain('length(var.ids)');
    expect(evaluateExpression(precondition.condition, { 'var.identityType': '"UserAssigned"', 'var.ids': '["x"]' })).toBe('true');
    expect(evaluateExpression(precondition.condition, { 'var.identityType': '"SystemAssigned"', 'var.ids': '["x"]' })).toBe('false');
  });

  test('literal types keep their synth-time errors', () => {
    expect(
      errorOf(() =>
        synth((stack) =>
          workspaceIn(stack).addFhirService('Service', {
            name: 'records',
            identity: { type: ManagedIdentityType.SYSTEM_ASSIGNED, identityIds: [UAI] },
          }),
        ),
      ),
    ).toContain('identityIds can only be given with a user-assigned type, but type is "SystemAssigned"');
  });
});

describe('a token FHIR version as a MedTech destination', () => {
  test('a FHIR service with a token kind is accepted and checked at plan', () => {
    const result = synth((stack) => {
      const workspace = workspaceIn(stack);
      const fhir = workspace.addFhirService('Fhir', { name: 'records', kind: variable(stack, 'kind', 'string').stringValue as FhirVersion });
      workspace.addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENT_HUB,
        deviceMapping: DeviceMapping.collection([]),
        destination: { fhirService: fhir, identityResolution: 'Create', fhirMapping: FhirMapping.collection([]) },
      });
    });
    const destination = result.resource('azurerm_healthcare_medtech_service_fhir_destination');
    const [precondition] = destination.lifecycle.precondition as Array<{ condition: string; error_message: string }>;
    expect(precondition.error_message).toContain('MedTech writes only to FHIR R4 services');
    expect(precondition.error_message).not.toMatch(RAW_TOKEN);
    expect(evaluateExpression(precondition.condition, { 'var.kind': '"fhir-R4"' })).toBe('true');
    expect(evaluateExpression(precondition.condition, { 'var.kind': '"fhir-Stu3"' })).toBe('false');
  });

  test('an imported FHIR service with a token fhirVersion is accepted', () => {
    const result = synth((stack) => {
      const workspace = workspaceIn(stack);
      const fhir = FhirService.fromFhirServiceAttributes(stack, 'Existing', {
        fhirServiceId: '/subscriptions/0/resourceGroups/rg-health/providers/Microsoft.HealthcareApis/workspaces/health/fhirServices/records',
        fhirVersion: variable(stack, 'version', 'string').stringValue as FhirVersion,
      });
      workspace.addMedTechService('Devices', {
        name: 'devices',
        eventHub: EVENT_HUB,
        deviceMapping: DeviceMapping.collection([]),
        destination: { fhirService: fhir, identityResolution: 'Lookup', fhirMapping: FhirMapping.collection([]) },
      });
    });
    expect(result.resource('azurerm_healthcare_medtech_service_fhir_destination').lifecycle.precondition).toHaveLength(1);
  });
});

describe('messages show tokens as values known only at apply', () => {
  test.each([
    ['a string token', () => Token.asString(Fn.file('x')), APPLY_TIME_VALUE],
    ['a number token', () => Token.asNumber(Fn.file('x')), APPLY_TIME_VALUE],
    ['a list token', () => Token.asList(Fn.file('x')), APPLY_TIME_VALUE],
    ['an object token', () => Token.asAny(Fn.file('x')), APPLY_TIME_VALUE],
    ['a string with a token inside', () => `https://${Token.asString(Fn.file('x'))}/x`, `"https://${APPLY_TIME_VALUE}/x"`],
    [
      'an object with tokens inside',
      () => ({ a: Token.asString(Fn.file('x')), b: [Token.asNumber(Fn.file('y'))] }),
      `{"a":${APPLY_TIME_VALUE},"b":[${APPLY_TIME_VALUE}]}`,
    ],
  ])('%s', (_, make, expected) => {
    expect(describeInput(make())).toBe(expected);
  });

  test('odd values are described without throwing and without walking more than is shown', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    let shared: unknown = { leaf: 1 };
    for (let i = 0; i < 40; i++) shared = { a: shared, b: shared };
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const nullPrototype = Object.create(null) as Record<string, unknown>;
    nullPrototype.x = 1;
    expect(describeInput(10n)).toBe('10n');
    expect(describeInput(Symbol('s'))).toBe('Symbol(s)');
    expect(describeInput(() => 1)).toBe('a function');
    expect(describeInput(undefined)).toBe('undefined');
    expect(describeInput(cyclic)).toBe('{"name":"a","self":(itself)}');
    expect(describeInput(nullPrototype)).toBe('{"x":1}');
    for (const value of [shared, deep, Array.from({ length: 1_000_000 }, () => 'x')]) {
      const started = performance.now();
      const text = describeInput(value);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(text.length).toBeLessThanOrEqual(203);
      expect(text.endsWith('...')).toBe(true);
    }
    expect(describeInput('x'.repeat(1000))).toBe(JSON.stringify('x'.repeat(1000)));
    expect(describeInput('x'.repeat(1001))).toBe(`"${'x'.repeat(200)}... (1,001 characters)"`);
  });

  test('every problem and plan-time message is rid of token markers, whichever rule wrote it', () => {
    const stack = new TerraformStack(undefined as never, 'stack');
    const token = Token.asString(Fn.file('x'));
    const problems = new InputProblems(stack).add(`a rule that printed ${token} raw`).checkAtPlan(true, `a plan check about ${token}`);
    expect(problems.all).toEqual([`[stack] a rule that printed ${APPLY_TIME_VALUE} raw`]);
    expect(problems.preconditions[0].errorMessage).toBe(`[stack] a plan check about ${APPLY_TIME_VALUE}`);
    expect(() => fail(stack, `failed on ${token}`)).toThrow(`[stack] failed on ${APPLY_TIME_VALUE}`);
  });

  test('a construct message never shows raw token text (tags with a token key next to a bad value)', () => {
    const message = errorOf(() =>
      synth((stack) => {
        const key = variable(stack, 'key', 'string').stringValue;
        new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg', tags: { [key]: 5 as unknown as string } });
      }),
    );
    expect(message).toContain('tag values are strings');
    expect(message).not.toMatch(RAW_TOKEN);
  });
});
