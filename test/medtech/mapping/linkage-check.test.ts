import { checkMappingLinkage } from '../../../lib/medtech/mapping';
import { calculatedTemplate, codeValueTemplate, deviceDoc, errorsOf, fhirDoc, finding, isUnresolved, readFixture, TOKEN } from './support';

const DEVICE_TYPE_NAME = 'deviceMapping.template[0].template.typeName';
const device = (typeName: unknown, overrides: Record<string, unknown> = {}) =>
  deviceDoc('CalculatedContent', calculatedTemplate({ typeName, ...overrides }));
const fhir = (typeName: unknown, overrides: Record<string, unknown> = {}) => fhirDoc(codeValueTemplate({ typeName, ...overrides }));
const EMPTY_DEVICE = { templateType: 'CollectionContent', template: [] };
const EMPTY_FHIR = { templateType: 'CollectionFhir', template: [] };

describe('typeName linkage', () => {
  test('equal type names link without findings', () => {
    expect(checkMappingLinkage(device('heartrate'), fhir('heartrate'))).toEqual([]);
  });

  test('empty mappings link fine', () => {
    expect(checkMappingLinkage(EMPTY_DEVICE, EMPTY_FHIR)).toEqual([]);
  });

  test('FHIR templates without a device template are not reported', () => {
    expect(checkMappingLinkage(EMPTY_DEVICE, fhir('heartrate'))).toEqual([]);
  });

  test('a case-only difference is a warning (the service ignores case, the docs do not)', () => {
    expect(checkMappingLinkage(device('heartrate'), fhir('heartRate'))).toEqual([
      finding('warning', DEVICE_TYPE_NAME, 'Device typeName "heartrate" matches FHIR template "heartRate" only when case is ignored.'),
    ]);
  });

  test("no FHIR template at all is an error in the service's words", () => {
    const findings = checkMappingLinkage(device('stepcount'), fhir('stepsCount'));
    expect(findings).toEqual([
      finding(
        'error',
        DEVICE_TYPE_NAME,
        'No matching Fhir Template exists for Device Mapping [stepcount]. Ensure case matches. Available Fhir Templates: [stepsCount].',
      ),
    ]);
    expect(findings[0].message).toContain('Rename "stepsCount" or the device typeName');
  });

  test('a device template against an empty FHIR mapping is an error', () => {
    expect(checkMappingLinkage(device('heartrate'), EMPTY_FHIR)).toEqual([finding('error', DEVICE_TYPE_NAME, 'Available Fhir Templates: [].')]);
  });

  test('paths follow the given root paths', () => {
    expect(checkMappingLinkage(device('a'), fhir('A'), { device: 'dm', fhir: 'destination.fhirMapping' })).toEqual([
      finding('warning', 'dm.template[0].template.typeName', 'only when case is ignored'),
    ]);
  });

  test('documents may be JSON strings; unreadable documents are left to the document checks', () => {
    expect(checkMappingLinkage(JSON.stringify(device('x')), JSON.stringify(fhir('x')))).toEqual([]);
    expect(checkMappingLinkage('{not json', fhir('x'))).toEqual([]);
    expect(checkMappingLinkage(device('x'), { templateType: 'CollectionContent', template: [] })).toEqual([]);
  });
});

describe('value linkage', () => {
  test('a FHIR value that no device template produces is a warning at the FHIR value', () => {
    const findings = checkMappingLinkage(device('hr'), fhir('hr', { value: { valueType: 'Quantity', valueName: 'heartRate' } }));
    expect(findings).toContainEqual(
      finding(
        'warning',
        'fhirMapping.template[0].template.value.valueName',
        'FHIR template "hr" maps the value "heartRate", but no device template of that type produces it (they produce "hr")',
      ),
    );
  });

  test("a device value the FHIR template does not use is a warning in the service's words", () => {
    const findings = checkMappingLinkage(device('hr'), fhir('hr', { value: { valueType: 'Quantity', valueName: 'HR' } }));
    expect(findings).toContainEqual(
      finding(
        'warning',
        'deviceMapping.template[0].template.values[0].valueName',
        'The value [hr] in Device Mapping [hr] is not represented within the Fhir Template of type [hr]. Available values are: [HR]. No value will appear inside of Observations. Value names are case-sensitive',
      ),
    );
  });

  test('component value names count, and several device templates may feed one FHIR template', () => {
    const twoDeviceTemplates = {
      templateType: 'CollectionContent',
      template: [
        {
          templateType: 'CalculatedContent',
          template: calculatedTemplate({ typeName: 'bp', values: [{ valueName: 'systolic', valueExpression: '$.matchedToken.s' }] }),
        },
        {
          templateType: 'CalculatedContent',
          template: calculatedTemplate({ typeName: 'bp', values: [{ valueName: 'diastolic', valueExpression: '$.matchedToken.d' }] }),
        },
      ],
    };
    const components = ['systolic', 'diastolic'].map((valueName) => ({ codes: [{ code: valueName }], value: { valueType: 'Quantity', valueName } }));
    expect(checkMappingLinkage(twoDeviceTemplates, fhir('bp', { value: undefined, components }))).toEqual([]);
  });

  test('periodInterval -1 needs a correlationIdExpression on the device side', () => {
    expect(checkMappingLinkage(device('hr'), fhir('hr', { periodInterval: -1 }))).toEqual([
      finding('error', 'fhirMapping.template[0].template.periodInterval', 'CorrelationIdNotDefinedException'),
    ]);
    expect(checkMappingLinkage(device('hr', { correlationIdExpression: '$.Body.session' }), fhir('hr', { periodInterval: -1 }))).toEqual([]);
  });

  test('the authored fixtures link cleanly', () => {
    const fhirMapping = readFixture('vitals.fhir-mapping.json');
    for (const name of [
      'heart-rate.calculated.device-mapping.json',
      'heart-rate.jmespath.device-mapping.json',
      'blood-pressure.calculated.device-mapping.json',
    ]) {
      expect(checkMappingLinkage(readFixture(name), fhirMapping)).toEqual([]);
    }
  });
});

describe('unresolved values in linkage', () => {
  const options = { isUnresolved };
  const paths = { device: 'deviceMapping', fhir: 'fhirMapping' };

  test('an unresolved FHIR typeName might be the missing one: no error', () => {
    const fhirMapping = {
      templateType: 'CollectionFhir',
      template: [{ templateType: 'CodeValueFhir', template: codeValueTemplate({ typeName: TOKEN }) }],
    };
    expect(errorsOf(checkMappingLinkage(device('heartrate'), fhirMapping, paths, options))).toEqual([]);
  });

  test('an unresolved FHIR template might be the missing one: no error', () => {
    expect(checkMappingLinkage(device('heartrate'), { templateType: 'CollectionFhir', template: [TOKEN] }, paths, options)).toEqual([]);
  });

  test('an unresolved device typeName or value name might produce the FHIR value: no warning', () => {
    const fhirMapping = fhir('hr', { value: { valueType: 'Quantity', valueName: 'other' } });
    const unresolvedValue = device('hr', { values: [{ valueName: TOKEN, valueExpression: '$.matchedToken.x' }] });
    expect(checkMappingLinkage(unresolvedValue, fhirMapping, paths, options)).toEqual([]);
  });

  test('whole unresolved documents are skipped', () => {
    expect(checkMappingLinkage(TOKEN, fhir('x'), paths, options)).toEqual([]);
    expect(checkMappingLinkage(device('x'), TOKEN, paths, options)).toEqual([]);
  });
});
