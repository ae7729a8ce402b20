import { checkFhirMapping } from '../../../lib/medtech/mapping';
import { CODES, codeValueTemplate, FailingCase, fhirDoc, finding, isUnresolved, TOKEN } from './support';

const T = 'fhirMapping.template[0].template';

const components = [
  { codes: [{ code: '8480-6', system: 'http://loinc.org' }], value: { valueType: 'Quantity', valueName: 'systolic', unit: 'mmHg' } },
  { codes: [{ code: '8462-4', system: 'http://loinc.org' }], value: { valueType: 'Quantity', valueName: 'diastolic', unit: 'mmHg' } },
];

describe('passing FHIR mappings', () => {
  test.each([
    ['the empty mapping', { templateType: 'CollectionFhir', template: [] }],
    ['CollectionFhirTemplate in any case', { templateType: 'collectionfhirtemplate', template: [] }],
    ['CodeValueFhirTemplate', fhirDoc(codeValueTemplate(), 'CodeValueFhirTemplate')],
    ['a Quantity value', fhirDoc(codeValueTemplate())],
    ['valueType in any case', fhirDoc(codeValueTemplate({ value: { valueType: 'quantity', valueName: 'hr' } }))],
    [
      'SampledData hourly',
      fhirDoc(
        codeValueTemplate({ periodInterval: 60, value: { valueType: 'SampledData', valueName: 'hr', defaultPeriod: 5000, unit: 'count/min' } }),
      ),
    ],
    ['a String value, daily', fhirDoc(codeValueTemplate({ periodInterval: 1440, value: { valueType: 'String', valueName: 'note' } }))],
    [
      'a CodeableConcept value',
      fhirDoc(codeValueTemplate({ value: { valueType: 'CodeableConcept', valueName: 'worn', text: 'Worn', codes: CODES } })),
    ],
    ['components only, grouped by correlation id', fhirDoc(codeValueTemplate({ value: undefined, periodInterval: -1, components }))],
    ['value and components together', fhirDoc(codeValueTemplate({ components }))],
    ['categories', fhirDoc(codeValueTemplate({ category: [{ text: 'Vital Signs', codes: [{ code: 'vital-signs' }] }] }))],
    ['field names in any case', fhirDoc({ TypeName: 'hr', CODES: CODES, Value: { valueType: 'Quantity', VALUENAME: 'hr' } })],
  ])('%s', (_name, document) => {
    expect(checkFhirMapping(document)).toEqual([]);
  });
});

describe('failing FHIR mappings', () => {
  const cases: FailingCase[] = [
    {
      name: 'a device root',
      document: { templateType: 'CollectionContent', template: [] },
      level: 'error',
      path: 'fhirMapping.templateType',
      message: 'Expected TemplateType value CollectionFhirTemplate, actual CollectionContent. This is a device mapping',
    },
    {
      name: 'template not an array',
      document: { templateType: 'CollectionFhir', template: 'x' },
      level: 'error',
      path: 'fhirMapping.template',
      message: 'Expected an array for the template property value for template type CollectionFhirTemplate.',
    },
    {
      name: 'another template type',
      document: fhirDoc(codeValueTemplate(), 'QuantityFhir'),
      level: 'error',
      path: 'fhirMapping.template[0].templateType',
      message: 'Expected TemplateType value CodeValueFhirTemplate, actual QuantityFhir.',
    },
    {
      name: 'a template that is not an object',
      document: fhirDoc('x'),
      level: 'error',
      path: T,
      message: 'Expected an object for the template property value for template type CodeValueFhirTemplate.',
    },
    {
      name: 'an unknown member',
      document: fhirDoc(codeValueTemplate({ unit: 'bpm' })),
      level: 'error',
      path: `${T}.unit`,
      message: "Could not find member 'unit' on object of type 'CodeValueFhirTemplate'.",
    },
    {
      name: 'an unknown member in codes',
      document: fhirDoc(codeValueTemplate({ codes: [{ code: 'a', sytem: 'b' }] })),
      level: 'error',
      path: `${T}.codes[0].sytem`,
      message: 'on object of type \'FhirCode\'. A code accepts code, system, display. Did you mean "system"?',
    },
    {
      name: 'an unknown member in a component',
      document: fhirDoc(codeValueTemplate({ components: [{ ...components[0], name: 'sys' }] })),
      level: 'error',
      path: `${T}.components[0].name`,
      message: "on object of type 'CodeValueMapping'",
    },
    {
      name: 'an unknown member in a category',
      document: fhirDoc(codeValueTemplate({ category: [{ coding: [] }] })),
      level: 'error',
      path: `${T}.category[0].coding`,
      message: "on object of type 'FhirCodeableConcept'",
    },
    {
      name: 'an unknown key inside a value (ignored by the service)',
      document: fhirDoc(codeValueTemplate({ value: { valueType: 'Quantity', valueName: 'hr', units: 'bpm' } })),
      level: 'warning',
      path: `${T}.value.units`,
      message: '"units" is not a field of a Quantity value; the service ignores it. Did you mean "unit"?',
    },
    {
      name: "an unknown key in a value's codes (ignored by the service)",
      document: fhirDoc(codeValueTemplate({ value: { valueType: 'CodeableConcept', valueName: 'x', codes: [{ code: 'a', version: '1' }] } })),
      level: 'warning',
      path: `${T}.value.codes[0].version`,
      message: '"version" is not a field of a code; the service ignores it.',
    },
    {
      name: 'missing codes',
      document: fhirDoc(codeValueTemplate({ codes: undefined })),
      level: 'error',
      path: `${T}.codes`,
      message: "Required property 'Codes' not found in JSON.",
    },
    { name: 'empty codes', document: fhirDoc(codeValueTemplate({ codes: [] })), level: 'warning', path: `${T}.codes`, message: 'codes is empty' },
    {
      name: 'codes that is not an array',
      document: fhirDoc(codeValueTemplate({ codes: CODES[0] })),
      level: 'error',
      path: `${T}.codes`,
      message: 'codes must be an array',
    },
    {
      name: 'a missing typeName',
      document: fhirDoc(codeValueTemplate({ typeName: undefined })),
      level: 'error',
      path: `${T}.typeName`,
      message: "Required property 'TypeName' not found in JSON.",
    },
    {
      name: 'a blank typeName',
      document: fhirDoc(codeValueTemplate({ typeName: '' })),
      level: 'error',
      path: `${T}.typeName`,
      message: "Empty type name is not allowed: ''.",
    },
    {
      name: 'duplicate typeNames, ignoring case',
      document: {
        templateType: 'CollectionFhir',
        template: [
          { templateType: 'CodeValueFhir', template: codeValueTemplate({ typeName: 'HeartRate' }) },
          { templateType: 'CodeValueFhir', template: codeValueTemplate({ typeName: 'heartrate' }) },
        ],
      },
      level: 'error',
      path: 'fhirMapping.template[1].template.typeName',
      message:
        'Duplicate template defined for type name: \'heartrate\'. FHIR type names must be unique ignoring case; fhirMapping.template[0].template.typeName already defines "HeartRate".',
    },
    {
      name: 'an unsupported periodInterval',
      document: fhirDoc(codeValueTemplate({ periodInterval: 30 })),
      level: 'error',
      path: `${T}.periodInterval`,
      message: 'ObservationPeriodInterval 30 is not supported.',
    },
    {
      name: 'a null periodInterval',
      document: fhirDoc(codeValueTemplate({ periodInterval: null })),
      level: 'error',
      path: `${T}.periodInterval`,
      message: 'periodInterval must be a number of minutes, received null. Use 0 (Single), 60 (Hourly), 1440 (Daily), -1 (CorrelationId).',
    },
    {
      name: 'periodInterval as an enum name',
      document: fhirDoc(codeValueTemplate({ periodInterval: 'Hourly' })),
      level: 'warning',
      path: `${T}.periodInterval`,
      message: 'write the number: "periodInterval": 60.',
    },
    {
      name: 'a value without valueType',
      document: fhirDoc(codeValueTemplate({ value: { valueName: 'hr' } })),
      level: 'error',
      path: `${T}.value`,
      message: 'Property ValueType is missing.',
    },
    {
      name: 'a valueType key in other case',
      document: fhirDoc(codeValueTemplate({ value: { VALUETYPE: 'Quantity', valueName: 'hr' } })),
      level: 'error',
      path: `${T}.value`,
      message: 'The service reads only "valueType" or "ValueType", not "VALUETYPE".',
    },
    {
      name: 'an unsupported valueType',
      document: fhirDoc(codeValueTemplate({ value: { valueType: 'Decimal', valueName: 'hr' } })),
      level: 'error',
      path: `${T}.value.valueType`,
      message: 'valueType "Decimal" is not supported',
    },
    {
      name: 'a null value',
      document: fhirDoc(codeValueTemplate({ value: null })),
      level: 'error',
      path: `${T}.value`,
      message: 'Cannot access child value on Newtonsoft.Json.Linq.JValue.',
    },
    {
      name: 'SampledData without defaultPeriod',
      document: fhirDoc(codeValueTemplate({ periodInterval: 60, value: { valueType: 'SampledData', valueName: 'hr', unit: 'count/min' } })),
      level: 'error',
      path: `${T}.value.defaultPeriod`,
      message: 'defaultPeriod is missing from a SampledData value',
    },
    {
      name: 'SampledData with defaultPeriod 0',
      document: fhirDoc(codeValueTemplate({ value: { valueType: 'SampledData', valueName: 'hr', unit: 'x', defaultPeriod: 0 } })),
      level: 'error',
      path: `${T}.value.defaultPeriod`,
      message: 'Use a positive number of milliseconds',
    },
    {
      name: 'SampledData without unit',
      document: fhirDoc(codeValueTemplate({ value: { valueType: 'SampledData', valueName: 'hr', defaultPeriod: 1000 } })),
      level: 'warning',
      path: `${T}.value.unit`,
      message: 'unit is missing from a SampledData value',
    },
    {
      name: 'CodeableConcept without codes',
      document: fhirDoc(codeValueTemplate({ value: { valueType: 'CodeableConcept', valueName: 'worn', text: 'Worn' } })),
      level: 'error',
      path: `${T}.value.codes`,
      message: 'codes is missing from a CodeableConcept value',
    },
    {
      name: 'a value without valueName',
      document: fhirDoc(codeValueTemplate({ value: { valueType: 'Quantity' } })),
      level: 'warning',
      path: `${T}.value.valueName`,
      message: 'valueName is missing',
    },
    {
      name: 'a component without value',
      document: fhirDoc(codeValueTemplate({ value: undefined, components: [{ codes: CODES }] })),
      level: 'error',
      path: `${T}.components[0].value`,
      message: 'This component has no value',
    },
    {
      name: 'a component value without valueName',
      document: fhirDoc(codeValueTemplate({ value: undefined, components: [{ codes: CODES, value: { valueType: 'Quantity' } }] })),
      level: 'error',
      path: `${T}.components[0].value.valueName`,
      message: 'valueName is missing',
    },
    {
      name: 'a component without codes',
      document: fhirDoc(codeValueTemplate({ components: [{ value: components[0].value }] })),
      level: 'error',
      path: `${T}.components[0].codes`,
      message: "Required property 'Codes' not found in JSON.",
    },
    {
      name: 'neither value nor components',
      document: fhirDoc(codeValueTemplate({ value: undefined })),
      level: 'warning',
      path: T,
      message: 'neither value nor components',
    },
  ];
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(checkFhirMapping(c.document)).toContainEqual(finding(c.level, c.path, c.message));
  });
});

describe('unresolved values in FHIR mappings', () => {
  test.each([
    ['the document', TOKEN],
    ['a template', { templateType: 'CollectionFhir', template: [TOKEN] }],
    [
      'a typeName (twice: no duplicate can be claimed)',
      {
        templateType: 'CollectionFhir',
        template: [
          { templateType: 'CodeValueFhir', template: codeValueTemplate({ typeName: TOKEN }) },
          { templateType: 'CodeValueFhir', template: codeValueTemplate({ typeName: TOKEN }) },
        ],
      },
    ],
    ['periodInterval', fhirDoc(codeValueTemplate({ periodInterval: TOKEN }))],
    ['a value', fhirDoc(codeValueTemplate({ value: TOKEN }))],
    ['a valueType', fhirDoc(codeValueTemplate({ value: { valueType: TOKEN, valueName: 'hr' } }))],
    ['defaultPeriod', fhirDoc(codeValueTemplate({ value: { valueType: 'SampledData', valueName: 'hr', unit: 'x', defaultPeriod: TOKEN } }))],
    ['codes', fhirDoc(codeValueTemplate({ codes: TOKEN }))],
  ])('%s is never rejected', (_name, document) => {
    expect(checkFhirMapping(document, 'fhirMapping', { isUnresolved })).toEqual([]);
  });
});
