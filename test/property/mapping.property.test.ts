import * as fc from 'fast-check';
import { checkDeviceMapping, checkFhirMapping, checkMappingLinkage, MappingFinding, Workspace } from '../../lib';
import { accepts } from './support';

/**
 * The MedTech mapping checks never throw on arbitrary JSON: whatever the document, they return findings (and the
 * construct turns errors into our validation error). Documents come in three flavours: any JSON value; JSON shaped
 * like a mapping with random members (to get past the first checks); and mapping-shaped documents whose
 * expressions are random strings over the JSONPath / JMESPath alphabet (to fuzz the expression parsers).
 */
const DEVICE_TYPES = [
  'CollectionContent',
  'CalculatedContent',
  'JsonPathContent',
  'IotJsonPathContent',
  'IotCentralJsonPathContent',
  'jsonpathcontenttemplate',
  'Unknown',
];
const FHIR_TYPES = ['CollectionFhir', 'CollectionFhirTemplate', 'CodeValueFhir', 'codevaluefhirtemplate', 'Unknown'];
const DEVICE_FIELDS = [
  'typeName',
  'typeMatchExpression',
  'deviceIdExpression',
  'timestampExpression',
  'patientIdExpression',
  'encounterIdExpression',
  'correlationIdExpression',
  'values',
  'defaultExpressionLanguage',
  'valueName',
  'valueExpression',
  'required',
  'language',
  'value',
  'junk',
];
const FHIR_FIELDS = [
  'typeName',
  'codes',
  'value',
  'components',
  'periodInterval',
  'category',
  'valueType',
  'valueName',
  'unit',
  'system',
  'code',
  'display',
  'defaultPeriod',
  'text',
  'junk',
];

const json = fc.jsonValue({ maxDepth: 5 });
const expression = fc.string({ unit: fc.constantFrom(...'$.@[]?()*&|=!<>\'"`:,- 0123456789abcdefxyzHR_{}'.split('')), maxLength: 40 });
const expressionValue = fc.oneof(
  expression,
  fc.record({ value: expression, language: fc.constantFrom('JsonPath', 'JmesPath', 'jmespath', 'Other') }, { requiredKeys: [] }),
  json,
);

function shaped(types: string[], fields: string[], leaf: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const member = fc.dictionary(
    fc.constantFrom(...fields),
    fc.oneof(leaf, fc.array(fc.dictionary(fc.constantFrom(...fields), leaf), { maxLength: 3 })),
    { maxKeys: 8 },
  );
  return fc.record(
    {
      templateType: fc.oneof(fc.constantFrom(...types), json),
      template: fc.oneof(
        fc.array(fc.record({ templateType: fc.oneof(fc.constantFrom(...types), json), template: fc.oneof(member, json) }, { requiredKeys: [] }), {
          maxLength: 4,
        }),
        json,
      ),
    },
    { requiredKeys: [] },
  );
}

const deviceDocuments = fc.oneof(json, shaped(DEVICE_TYPES, DEVICE_FIELDS, json), shaped(DEVICE_TYPES, DEVICE_FIELDS, expressionValue));
const fhirDocuments = fc.oneof(
  json,
  shaped(FHIR_TYPES, FHIR_FIELDS, json),
  shaped(FHIR_TYPES, FHIR_FIELDS, fc.oneof(fc.integer({ min: -2, max: 2000 }), expression, json)),
);

function wellFormed(findings: MappingFinding[]): boolean {
  return (
    Array.isArray(findings) &&
    findings.every(
      (f) => (f.level === 'error' || f.level === 'warning') && typeof f.path === 'string' && typeof f.message === 'string' && f.message.length > 0,
    )
  );
}

const RUNS = { numRuns: 300 };

describe('mapping checks never throw on arbitrary JSON', () => {
  test('checkDeviceMapping', () =>
    fc.assert(
      fc.property(deviceDocuments, (document) => wellFormed(checkDeviceMapping(document))),
      RUNS,
    ));

  test('checkFhirMapping', () =>
    fc.assert(
      fc.property(fhirDocuments, (document) => wellFormed(checkFhirMapping(document))),
      RUNS,
    ));

  test('checkMappingLinkage', () =>
    fc.assert(
      fc.property(deviceDocuments, fhirDocuments, (device, fhir) => wellFormed(checkMappingLinkage(device, fhir))),
      RUNS,
    ));

  test('the JSON text of a document, or any text at all, given to the construct: our error or success, never a crash', () =>
    fc.assert(
      fc.property(
        fc.oneof(
          deviceDocuments.map((document) => JSON.stringify(document) ?? 'null'),
          fc.string({ maxLength: 60 }),
          deviceDocuments,
        ),
        fhirDocuments,
        (deviceMapping, fhirMapping) => {
          // accepts() rethrows anything but our validation error, which fails the property.
          accepts((stack) => {
            const workspace = new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' });
            const records = workspace.addFhirService('Records', { name: 'records' });
            workspace.addMedTechService('Devices', {
              name: 'devices',
              eventHub: { namespaceName: 'contoso-devices', eventHubName: 'telemetry', consumerGroupName: 'medtech' },
              deviceMapping: deviceMapping as string,
              destination: { fhirService: records, identityResolution: 'Lookup', fhirMapping: fhirMapping as string },
            });
          });
        },
      ),
      { numRuns: 150 },
    ));
});
