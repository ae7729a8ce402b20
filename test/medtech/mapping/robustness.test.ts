import * as fc from 'fast-check';
import {
  canonicalMappingJson,
  checkDeviceMapping,
  checkFhirMapping,
  checkMappingLinkage,
  MappingFinding,
  parseMappingDocument,
} from '../../../lib/medtech/mapping';
import { calculatedTemplate, codeValueTemplate, deviceDoc, fhirDoc } from './support';

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
  'alternateTimestampExpression',
  'TYPENAME',
];
const FHIR_FIELDS = ['typeName', 'periodInterval', 'category', 'codes', 'value', 'components'];
const DEVICE_TYPES = ['CalculatedContent', 'JsonPathContent', 'IotJsonPathContent', 'IotCentralJsonPathContent', 'Other'];

function isFindingList(findings: unknown): findings is MappingFinding[] {
  return (
    Array.isArray(findings) &&
    findings.every(
      (f: MappingFinding) =>
        (f.level === 'error' || f.level === 'warning') && typeof f.path === 'string' && typeof f.message === 'string' && f.message.length > 0,
    )
  );
}

function checkAll(device: unknown, fhir: unknown): void {
  expect(isFindingList(checkDeviceMapping(device))).toBe(true);
  expect(isFindingList(checkFhirMapping(fhir))).toBe(true);
  expect(isFindingList(checkMappingLinkage(device, fhir))).toBe(true);
  expect(isFindingList(parseMappingDocument(device, 'x').findings)).toBe(true);
}

function nestedArrays(depth: number, leaf: unknown = 'x'): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Junk, or a real-looking value that a field could plausibly hold. (Small: generating big JSON is the slow part.) */
const junk = fc.jsonValue({ maxDepth: 2, depthSize: 'small' });
const fieldValue = fc.oneof(
  junk,
  fc.constantFrom('$..[?(@a)]', '$.matchedToken.a', '$.a', '$.a[', 'matchedToken.a', 'multiply(a)', '`x`', 'JmesPath', 'quantity', 60, -1, 'true'),
  fc.record({ value: junk, language: fc.constantFrom('JsonPath', 'JmesPath', 'x', 1) }),
  fc.array(fc.dictionary(fc.constantFrom('valueName', 'valueExpression', 'required', 'valueType', 'codes', 'value', 'x'), junk), { maxLength: 3 }),
);

describe('arbitrary input never throws', () => {
  test('any JavaScript value as either document', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (device, fhir) => checkAll(device, fhir)),
      { numRuns: 300 },
    );
  });

  test('any JSON text as either document', () => {
    fc.assert(
      fc.property(fc.json(), fc.string(), (device, fhir) => checkAll(device, fhir)),
      { numRuns: 300 },
    );
  });

  test('junk in every field of every template type', () => {
    const deviceTemplate = fc.record({
      templateType: fc.constantFrom(...DEVICE_TYPES),
      template: fc.dictionary(fc.constantFrom(...DEVICE_FIELDS), fieldValue),
    });
    const fhirTemplate = fc.record({
      templateType: fc.constantFrom('CodeValueFhir', 'x'),
      template: fc.dictionary(fc.constantFrom(...FHIR_FIELDS), fieldValue),
    });
    fc.assert(
      fc.property(fc.array(deviceTemplate, { maxLength: 4 }), fc.array(fhirTemplate, { maxLength: 4 }), (devices, fhirs) => {
        checkAll({ templateType: 'CollectionContent', template: devices }, { templateType: 'CollectionFhir', template: fhirs });
      }),
      { numRuns: 500 },
    );
  });

  test('cyclic and non-JSON objects', () => {
    const cyclic: Record<string, unknown> = { templateType: 'CollectionContent' };
    cyclic.template = [cyclic];
    const odd = deviceDoc(
      'CalculatedContent',
      calculatedTemplate({ typeName: new Date(0), values: new Map(), deviceIdExpression: () => 1, timestampExpression: Symbol('t') }),
    );
    checkAll(cyclic, cyclic);
    checkAll(odd, Object.create(null));
  });
});

describe('extreme sizes', () => {
  test('arrays nested 1,000 deep anywhere', () => {
    const deep = nestedArrays(1000);
    for (const document of [
      deep,
      { templateType: 'CollectionContent', template: deep },
      deviceDoc(
        'CalculatedContent',
        calculatedTemplate({ typeName: deep, deviceIdExpression: deep, values: [deep, { valueName: deep, valueExpression: { value: deep } }] }),
      ),
      fhirDoc(codeValueTemplate({ codes: deep, value: { valueType: 'Quantity', valueName: deep }, components: deep, category: [deep] })),
    ]) {
      checkAll(document, document);
      checkAll(JSON.stringify(document), JSON.stringify(document));
      expect(canonicalMappingJson(document)).toBe(canonicalMappingJson(JSON.stringify(document)));
    }
  });

  test('JSON text nested 100,000 deep is a finding, not a crash', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(isFindingList(checkDeviceMapping(text))).toBe(true);
  });

  test('pathological expressions', () => {
    const expressions = [
      `$${'[?(@'.repeat(20_000)}`, // nested filters
      `${'('.repeat(100_000)}a${')'.repeat(100_000)}`, // nested JMESPath parentheses
      `${'a.'.repeat(200_000)}a`, // a very long chain
      `${'x | '.repeat(50_000)}x`,
      'a'.repeat(1_000_000),
    ];
    for (const expression of expressions) {
      const device = deviceDoc(
        'CalculatedContent',
        calculatedTemplate({
          deviceIdExpression: expression,
          timestampExpression: { value: expression, language: 'JmesPath' },
          values: [{ valueName: 'v', valueExpression: { value: `multiply(${expression}, \`1\`)`, language: 'JmesPath' } }],
        }),
      );
      const findings = checkDeviceMapping(device);
      expect(isFindingList(findings)).toBe(true);
    }
  });

  test('a 5 MB document is checked quickly', () => {
    const templates = Array.from({ length: 7000 }, (_, i) => ({
      templateType: 'CalculatedContent',
      template: calculatedTemplate({
        typeName: `type${i}`,
        typeMatchExpression: `$..[?(@reading${i} && @device.serial && @device.model != 'x')]`,
        values: Array.from({ length: 5 }, (_v, j) => ({
          valueName: `value${j}`,
          valueExpression: `$.matchedToken.reading${i}.channel${j}`,
          required: j % 2 === 0,
        })),
      }),
    }));
    const device = { templateType: 'CollectionContent', template: templates };
    const text = JSON.stringify(device);
    expect(text.length).toBeGreaterThan(5_000_000);
    const fhir = {
      templateType: 'CollectionFhir',
      template: templates.map((_t, i) => ({
        templateType: 'CodeValueFhir',
        template: codeValueTemplate({
          typeName: `type${i}`,
          value: undefined,
          components: Array.from({ length: 5 }, (_v, j) => ({
            codes: [{ code: `c${j}` }],
            value: { valueType: 'Quantity', valueName: `value${j}` },
          })),
        }),
      })),
    };

    const started = Date.now();
    expect(checkDeviceMapping(text)).toEqual([]);
    expect(checkFhirMapping(fhir)).toEqual([]);
    expect(checkMappingLinkage(text, fhir)).toEqual([]);
    expect(canonicalMappingJson(text)).toBe(canonicalMappingJson(device));
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
