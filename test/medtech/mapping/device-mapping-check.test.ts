import { checkDeviceMapping } from '../../../lib/medtech/mapping';
import { calculatedTemplate, deviceDoc, FailingCase, finding, iotTemplate, isUnresolved, jsonPathTemplate, TOKEN } from './support';

const T = 'deviceMapping.template[0].template';

function rejects(cases: readonly FailingCase[]): void {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(checkDeviceMapping(c.document)).toContainEqual(finding(c.level, c.path, c.message));
  });
}

function accepts(cases: ReadonlyArray<readonly [string, unknown]>): void {
  test.each(cases)('%s', (_name, document) => {
    expect(checkDeviceMapping(document)).toEqual([]);
  });
}

describe('root container', () => {
  accepts([
    ['the quickstart empty mapping', { templateType: 'CollectionContent', template: [] }],
    ['CollectionContentTemplate', { templateType: 'CollectionContentTemplate', template: [] }],
    ['any case, e.g. collectionContent', { templateType: 'collectionContent', template: [] }],
    ['case-insensitive container keys', { TemplateType: 'COLLECTIONCONTENT', TEMPLATE: [] }],
    ['unknown root keys (ignored by the service)', { templateType: 'CollectionContent', template: [], note: 'x' }],
    ['the same document as a JSON string', '{"templateType": "CollectionContent", "template": []}'],
  ]);

  rejects([
    {
      name: 'an array root',
      document: [],
      level: 'error',
      path: 'deviceMapping',
      message: 'must be a JSON object like {"templateType": "CollectionContent"',
    },
    {
      name: 'a FHIR root',
      document: { templateType: 'CollectionFhir', template: [] },
      level: 'error',
      path: 'deviceMapping.templateType',
      message: 'Expected TemplateType value CollectionContentTemplate, actual CollectionFhir. This is a FHIR destination mapping',
    },
    { name: 'no templateType', document: { template: [] }, level: 'error', path: 'deviceMapping.templateType', message: 'actual Not Found.' },
    {
      name: 'template not an array',
      document: { templateType: 'CollectionContent', template: {} },
      level: 'error',
      path: 'deviceMapping.template',
      message: 'Expected an array for the template property value for template type CollectionContentTemplate.',
    },
    {
      name: 'template missing',
      document: { templateType: 'CollectionContent' },
      level: 'error',
      path: 'deviceMapping.template',
      message: 'Expected an array',
    },
    {
      name: 'an element that is not an object',
      document: { templateType: 'CollectionContent', template: [42] },
      level: 'error',
      path: 'deviceMapping.template[0]',
      message: 'Each template must be an object',
    },
    {
      name: 'invalid JSON text',
      document: '{"templateType": "CollectionContent",\n "template": [,]}',
      level: 'error',
      path: 'deviceMapping',
      message: '(line 2, column',
    },
  ]);

  test('invalid JSON gives exactly one finding with the parser message', () => {
    const findings = checkDeviceMapping('{"templateType": ');
    expect(findings).toEqual([finding('error', 'deviceMapping', 'not valid JSON: Unexpected end of JSON input')]);
  });

  test('a custom root path is used in every finding path', () => {
    expect(checkDeviceMapping({ templateType: 'CollectionContent', template: {} }, 'props.deviceMapping')).toEqual([
      finding('error', 'props.deviceMapping.template', 'Expected an array'),
    ]);
  });
});

describe('template types', () => {
  accepts([
    ['CalculatedContent', deviceDoc('CalculatedContent', calculatedTemplate())],
    ['calculatedcontent (any case)', deviceDoc('calculatedcontent', calculatedTemplate())],
    ['JsonPathContent', deviceDoc('JsonPathContent', jsonPathTemplate())],
    ['JsonPathContentTemplate', deviceDoc('JsonPathContentTemplate', jsonPathTemplate())],
    ['IotJsonPathContent', deviceDoc('IotJsonPathContent', iotTemplate())],
    ['IotJsonPathContentTemplate', deviceDoc('IotJsonPathContentTemplate', iotTemplate())],
    [
      'IotCentralJsonPathContent',
      deviceDoc('IotCentralJsonPathContent', jsonPathTemplate({ deviceIdExpression: undefined, timestampExpression: undefined })),
    ],
  ]);

  rejects([
    {
      name: 'CalculatedContentTemplate (no suffix form exists)',
      document: deviceDoc('CalculatedContentTemplate', calculatedTemplate()),
      level: 'error',
      path: 'deviceMapping.template[0].templateType',
      message:
        'No match found for template type CalculatedContentTemplate. A device template\'s templateType must be "JsonPathContent", "IotJsonPathContent", "IotCentralJsonPathContent" or "CalculatedContent" (any case; JsonPathContent and IotJsonPathContent may also end in "Template"). Use "CalculatedContent".',
    },
    {
      name: 'IotCentralJsonPathContentTemplate',
      document: deviceDoc('IotCentralJsonPathContentTemplate', iotTemplate()),
      level: 'error',
      path: 'deviceMapping.template[0].templateType',
      message: 'Use "IotCentralJsonPathContent".',
    },
    {
      name: 'a missing element templateType',
      document: { templateType: 'CollectionContent', template: [{ template: calculatedTemplate() }] },
      level: 'error',
      path: 'deviceMapping.template[0].templateType',
      message: 'templateType is missing',
    },
    {
      name: 'an element template that is not an object',
      document: deviceDoc('CalculatedContent', []),
      level: 'error',
      path: T,
      message: 'Expected an object for the template property value for template type CalculatedContent.',
    },
    {
      name: 'an element without template',
      document: { templateType: 'CollectionContent', template: [{ templateType: 'JsonPathContent' }] },
      level: 'error',
      path: T,
      message: 'for template type JsonPathContentTemplate.',
    },
  ]);
});

describe('fields', () => {
  accepts([
    [
      'field names in any case',
      deviceDoc('CalculatedContent', {
        TypeName: 'hr',
        TYPEMATCHEXPRESSION: '$..[?(@hr)]',
        deviceidexpression: '$.matchedToken.d',
        TimestampExpression: '$.matchedToken.t',
        Values: [{ ValueName: 'hr', VALUEEXPRESSION: '$.matchedToken.hr' }],
      }),
    ],
    [
      'required as the strings "true"/"false" in any case',
      deviceDoc(
        'JsonPathContent',
        jsonPathTemplate({
          values: [
            { valueName: 'a', valueExpression: '$.a', required: 'TRUE' },
            { valueName: 'b', valueExpression: '$.b', required: 'false' },
          ],
        }),
      ),
    ],
    ['CalculatedContent with "values": []', deviceDoc('CalculatedContent', calculatedTemplate({ values: [] }))],
    ['JsonPathContent without values', deviceDoc('JsonPathContent', jsonPathTemplate({ values: undefined }))],
    [
      'expression objects with extra keys',
      deviceDoc(
        'CalculatedContent',
        calculatedTemplate({ deviceIdExpression: { value: '$.matchedToken.id', language: 'jsonpath', note: 'ignored' } }),
      ),
    ],
    ['an empty optional expression of a JSONPath template', deviceDoc('JsonPathContent', jsonPathTemplate({ patientIdExpression: '' }))],
  ]);

  rejects([
    {
      name: 'an unknown member',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ typeMatchExpressionFake: '$.x' })),
      level: 'error',
      path: `${T}.typeMatchExpressionFake`,
      message: "Could not find member 'typeMatchExpressionFake' on object of type 'CalculatedFunctionContentTemplate'.",
    },
    {
      name: 'a misspelt member gets a suggestion',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ timestampExpresion: '$.t' })),
      level: 'error',
      path: `${T}.timestampExpresion`,
      message: 'Did you mean "timestampExpression"?',
    },
    {
      name: 'an unknown member in a values item',
      document: deviceDoc(
        'CalculatedContent',
        calculatedTemplate({ values: [{ valueName: 'hr', valueExpression: '$.matchedToken.hr', unit: 'bpm' }] }),
      ),
      level: 'error',
      path: `${T}.values[0].unit`,
      message: "on object of type 'CalculatedFunctionValueExpression'",
    },
    {
      name: 'the same field twice in different case',
      document: deviceDoc('JsonPathContent', { ...jsonPathTemplate(), TypeName: 'other' }),
      level: 'warning',
      path: `${T}.TypeName`,
      message: 'sets typeName a second time',
    },
    {
      name: 'a missing typeName',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ typeName: undefined })),
      level: 'error',
      path: `${T}.typeName`,
      message: "Required property 'TypeName' not found in JSON.",
    },
    {
      name: 'a null typeName',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ typeName: null })),
      level: 'error',
      path: `${T}.typeName`,
      message: "Required property 'TypeName' expects a value but got null.",
    },
    {
      name: 'a blank typeName',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ typeName: ' ' })),
      level: 'error',
      path: `${T}.typeName`,
      message: 'typeName is empty',
    },
    {
      name: 'an object typeName',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ typeName: { a: 1 } })),
      level: 'error',
      path: `${T}.typeName`,
      message: 'Unexpected token: StartObject.',
    },
    {
      name: 'a number typeName',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ typeName: 7 })),
      level: 'warning',
      path: `${T}.typeName`,
      message: 'the service reads it as the text "7"',
    },
    {
      name: 'a missing typeMatchExpression (CalculatedContent)',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ typeMatchExpression: undefined })),
      level: 'error',
      path: `${T}.typeMatchExpression`,
      message: "Required property 'TypeMatchExpression' not found in JSON.",
    },
    {
      name: 'a missing deviceIdExpression (JsonPathContent)',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ deviceIdExpression: undefined })),
      level: 'error',
      path: `${T}.deviceIdExpression`,
      message: "Required property 'DeviceIdExpression' not found in JSON.",
    },
    {
      name: 'a missing timestampExpression (CalculatedContent)',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ timestampExpression: undefined })),
      level: 'error',
      path: `${T}.timestampExpression`,
      message: "Required property 'TimestampExpression'",
    },
    {
      name: 'CalculatedContent without values',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ values: undefined })),
      level: 'error',
      path: `${T}.values`,
      message: 'use "values": [] if it extracts no values',
    },
    {
      name: 'values that is not an array',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ values: { valueName: 'hr' } })),
      level: 'error',
      path: `${T}.values`,
      message: 'values must be an array',
    },
    {
      name: 'a values item that is not an object',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ values: ['hr'] })),
      level: 'error',
      path: `${T}.values[0]`,
      message: 'Each values item must be an object',
    },
    {
      name: 'a values item without valueExpression',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ values: [{ valueName: 'hr' }] })),
      level: 'error',
      path: `${T}.values[0].valueExpression`,
      message: "Required property 'ValueExpression' not found in JSON.",
    },
    {
      name: 'required: "yes"',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ values: [{ valueName: 'hr', valueExpression: '$.hr', required: 'yes' }] })),
      level: 'error',
      path: `${T}.values[0].required`,
      message: 'Could not convert string to boolean: yes.',
    },
    {
      name: 'required: 1',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ values: [{ valueName: 'hr', valueExpression: '$.hr', required: 1 }] })),
      level: 'warning',
      path: `${T}.values[0].required`,
      message: 'reads 0 as false and any other number as true',
    },
    {
      name: 'defaultExpressionLanguage on JsonPathContent',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ defaultExpressionLanguage: 'JmesPath' })),
      level: 'error',
      path: `${T}.defaultExpressionLanguage`,
      message:
        "Could not find member 'defaultExpressionLanguage' on object of type 'JsonPathContentTemplate'. Only CalculatedContent templates take defaultExpressionLanguage",
    },
    {
      name: 'an unknown defaultExpressionLanguage',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ defaultExpressionLanguage: 'Jmes' })),
      level: 'error',
      path: `${T}.defaultExpressionLanguage`,
      message: `Error converting value "Jmes" to type 'TemplateExpressionLanguage'.`,
    },
    {
      name: 'an expression object on JsonPathContent',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ deviceIdExpression: { value: '$.id', language: 'JsonPath' } })),
      level: 'error',
      path: `${T}.deviceIdExpression`,
      message: 'Unexpected token: StartObject." Expression objects (and JMESPath) are only supported by CalculatedContent',
    },
    {
      name: 'an expression array',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: ['$.a'] })),
      level: 'error',
      path: `${T}.deviceIdExpression`,
      message: 'Unexpected token: StartArray.',
    },
    {
      name: 'an expression object without value',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: { language: 'JsonPath' } })),
      level: 'error',
      path: `${T}.deviceIdExpression.value`,
      message: "Required property 'Value' not found in JSON.",
    },
    {
      name: 'an unknown expression language',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: { value: 'a', language: 'XPath' } })),
      level: 'error',
      path: `${T}.deviceIdExpression.language`,
      message: 'Use "JsonPath" or "JmesPath".',
    },
    {
      name: 'an empty CalculatedContent expression',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ patientIdExpression: '  ' })),
      level: 'error',
      path: `${T}.patientIdExpression`,
      message: 'fails to load',
    },
    {
      name: 'an empty required JSONPath-template expression',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ typeMatchExpression: '' })),
      level: 'error',
      path: `${T}.typeMatchExpression`,
      message: 'An expression must be set for [TypeMatchExpression]',
    },
    {
      name: 'a deviceIdExpression on IotJsonPathContent',
      document: deviceDoc('IotJsonPathContent', iotTemplate({ deviceIdExpression: '$.Body.id' })),
      level: 'warning',
      path: `${T}.deviceIdExpression`,
      message: 'the service always uses $.SystemProperties.iothub-connection-device-id',
    },
    {
      name: 'a timestampExpression on IotCentralJsonPathContent',
      document: deviceDoc('IotCentralJsonPathContent', iotTemplate({ typeMatchExpression: '$..[?(@telemetry)]', timestampExpression: '$.t' })),
      level: 'warning',
      path: `${T}.timestampExpression`,
      message: 'is ignored by IotCentralJsonPathContent templates',
    },
  ]);

  test('an ignored Iot field is accepted whatever its JSON type (the service skips it)', () => {
    expect(checkDeviceMapping(deviceDoc('IotJsonPathContent', iotTemplate({ deviceIdExpression: { any: 'thing' } })))).toEqual([
      finding('warning', `${T}.deviceIdExpression`, 'is ignored'),
    ]);
  });
});

describe('expression syntax', () => {
  accepts([
    [
      'Json.NET filters with @name (no dot)',
      deviceDoc('CalculatedContent', calculatedTemplate({ typeMatchExpression: '$..[?(@Body.systolic && @Body.diastolic)]' })),
    ],
    ['names with "-"', deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: '$.SystemProperties.iothub-connection-device-id' }))],
    [
      'comparisons, regex and literals',
      deviceDoc(
        'CalculatedContent',
        calculatedTemplate({ typeMatchExpression: "$.Body.items[?(@.kind == 'hr' || @.v >= -1.5 && @.name =~ /^h.*$/i)]" }),
      ),
    ],
    [
      'JMESPath with custom functions',
      deviceDoc(
        'CalculatedContent',
        calculatedTemplate({
          timestampExpression: { value: 'fromUnixTimestamp(matchedToken.ts)', language: 'JmesPath' },
          values: [{ valueName: 'f', valueExpression: { value: 'add(multiply(matchedToken.c, `1.8`), `32`)', language: 'JmesPath' } }],
        }),
      ),
    ],
    [
      'JMESPath with @.x as a function argument',
      deviceDoc(
        'CalculatedContent',
        calculatedTemplate({
          defaultExpressionLanguage: 'JmesPath',
          typeMatchExpression: 'to_array(@.Body) | [?deviceId].data[]',
          deviceIdExpression: 'Body.deviceId',
          timestampExpression: 'matchedToken.ts',
          values: [],
        }),
      ),
    ],
  ]);

  rejects([
    {
      name: 'a JSONPath syntax error, with its column',
      document: deviceDoc('JsonPathContent', jsonPathTemplate({ deviceIdExpression: '$.a[' })),
      level: 'error',
      path: `${T}.deviceIdExpression`,
      message: 'JSONPath "$.a[" is invalid at column 5: Path ended with open indexer.',
    },
    {
      name: 'a JSONPath filter without @',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ typeMatchExpression: '$..[?(heartRate)]' })),
      level: 'error',
      path: `${T}.typeMatchExpression`,
      message: 'Unexpected character while parsing path query: h',
    },
    {
      name: 'a JSONPath in values',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ values: [{ valueName: 'hr', valueExpression: '$.matchedToken.hr.' }] })),
      level: 'error',
      path: `${T}.values[0].valueExpression`,
      message: 'Unexpected end while parsing path.',
    },
    {
      name: 'a JMESPath syntax error',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: { value: 'matchedToken.', language: 'JmesPath' } })),
      level: 'error',
      path: `${T}.deviceIdExpression.value`,
      message: 'The following JmesPath expression could not be parsed: matchedToken.. Cause: Error: syntax.',
    },
    {
      name: 'an unknown JMESPath function',
      document: deviceDoc(
        'CalculatedContent',
        calculatedTemplate({
          defaultExpressionLanguage: 'JmesPath',
          deviceIdExpression: 'split(matchedToken.id, `"-"`)',
          typeMatchExpression: 'Body',
          timestampExpression: 'matchedToken.t',
          values: [],
        }),
      ),
      level: 'error',
      path: `${T}.deviceIdExpression`,
      message: 'Error: unknown-function, no function named split has been registered.',
    },
    {
      name: 'a wrong JMESPath argument count',
      document: deviceDoc(
        'CalculatedContent',
        calculatedTemplate({ values: [{ valueName: 'v', valueExpression: { value: 'multiply(matchedToken.v)', language: 'JmesPath' } }] }),
      ),
      level: 'error',
      path: `${T}.values[0].valueExpression.value`,
      message: 'Error: invalid-arity, the function multiply expects 2 arguments but 1 were supplied.',
    },
    {
      name: 'a legacy JMESPath literal',
      document: deviceDoc(
        'CalculatedContent',
        calculatedTemplate({ typeMatchExpression: { value: '[Body][?contains(keys(@), `heartRate`)] | @[0]', language: 'JmesPath' } }),
      ),
      level: 'warning',
      path: `${T}.typeMatchExpression.value`,
      message: 'The literal `heartRate` is not JSON',
    },
  ]);
});

describe('expressions that can never match', () => {
  accepts([
    [
      'CalculatedContent paths from Body, Properties, SystemProperties and matchedToken',
      deviceDoc(
        'CalculatedContent',
        calculatedTemplate({
          deviceIdExpression: '$.Body.deviceId',
          timestampExpression: "$.Properties['iothub-creation-time-utc']",
          patientIdExpression: '$.SystemProperties.p',
          encounterIdExpression: '$..encounter',
          correlationIdExpression: '$.*.session',
        }),
      ),
    ],
    ['a relative JSONPath from matchedToken', deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: 'matchedToken.deviceId' }))],
    [
      'JMESPath from the allowed roots, or not certainly null',
      deviceDoc(
        'CalculatedContent',
        calculatedTemplate({
          defaultExpressionLanguage: 'JmesPath',
          typeMatchExpression: '[Body][0]',
          deviceIdExpression: '@.matchedToken.deviceId',
          timestampExpression: 'not_null(ts, matchedToken.ts)',
          patientIdExpression: 'x || Body.patient',
          values: [{ valueName: 'hr', valueExpression: 'heartRate | `1`' }],
        }),
      ),
    ],
    ['JsonPathContent paths relative to the matched token', deviceDoc('JsonPathContent', jsonPathTemplate())],
    ['IotJsonPathContent typeMatchExpression "$"', deviceDoc('IotJsonPathContent', iotTemplate({ typeMatchExpression: '$' }))],
  ]);

  rejects([
    {
      name: 'sample 09: a root path in CalculatedContent',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ values: [{ valueName: 'hr', valueExpression: '$.heartRate' }] })),
      level: 'error',
      path: `${T}.values[0].valueExpression`,
      message:
        'CalculatedContent expressions run against {Body, Properties, SystemProperties, matchedToken}; "$.heartRate" can never match. Use "$.matchedToken.heartRate" (inside the matched token) or "$.Body.heartRate" (from the message body).',
    },
    {
      name: "a bracketed root member $['x']",
      document: deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: "$['deviceId']" })),
      level: 'error',
      path: `${T}.deviceIdExpression`,
      message: `"$['deviceId']" can never match`,
    },
    {
      name: 'a relative root member',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ timestampExpression: 'endDate' })),
      level: 'error',
      path: `${T}.timestampExpression`,
      message: 'Use "$.matchedToken.endDate"',
    },
    {
      name: 'wrong case of Body',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: '$.body.deviceId' })),
      level: 'error',
      path: `${T}.deviceIdExpression`,
      message: 'Member names are case-sensitive: use "$.Body.deviceId".',
    },
    {
      name: 'a JMESPath root field',
      document: deviceDoc(
        'CalculatedContent',
        calculatedTemplate({ values: [{ valueName: 'hr', valueExpression: { value: 'heartRate', language: 'JmesPath' } }] }),
      ),
      level: 'error',
      path: `${T}.values[0].valueExpression.value`,
      message: '"heartRate" can never match. Use "matchedToken.heartRate" (inside the matched token) or "Body.heartRate"',
    },
    {
      name: 'a JMESPath @.field',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: { value: '@.deviceId', language: 'JmesPath' } })),
      level: 'error',
      path: `${T}.deviceIdExpression.value`,
      message: 'Use "@.matchedToken.deviceId"',
    },
    {
      name: 'a null argument of a custom function',
      document: deviceDoc(
        'CalculatedContent',
        calculatedTemplate({ values: [{ valueName: 'f', valueExpression: { value: 'multiply(celsius, `1.8`)', language: 'JmesPath' } }] }),
      ),
      level: 'error',
      path: `${T}.values[0].valueExpression.value`,
      message: 'the argument "celsius" of multiply in "multiply(celsius, `1.8`)" is always null, so multiply fails on every message',
    },
    {
      name: 'a typeMatchExpression outside the envelope',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ typeMatchExpression: '$.heartRate' })),
      level: 'error',
      path: `${T}.typeMatchExpression`,
      message:
        'The typeMatchExpression of a CalculatedContent template runs against the event {Body, Properties, SystemProperties}; "$.heartRate" can never match. Use "$.Body.heartRate" or a filter such as "$..[?(@heartRate)]".',
    },
    {
      name: 'matchedToken in typeMatchExpression',
      document: deviceDoc('CalculatedContent', calculatedTemplate({ typeMatchExpression: '$.matchedToken.heartRate' })),
      level: 'error',
      path: `${T}.typeMatchExpression`,
      message: 'matchedToken exists only in the other expressions',
    },
    {
      name: 'an IotJsonPathContent type match below the envelope',
      document: deviceDoc('IotJsonPathContent', iotTemplate({ typeMatchExpression: '$.Body.HeartRate' })),
      level: 'warning',
      path: `${T}.typeMatchExpression`,
      message:
        'must select the whole event; "$.Body.HeartRate" selects something inside it and can never yield a measurement. Use a filter over the event such as "$..[?(@Body.HeartRate)]".',
    },
  ]);
});

describe('unresolved values (cdktf tokens)', () => {
  const options = { isUnresolved };
  test.each([
    ['the whole document', TOKEN],
    ['the template array', { templateType: 'CollectionContent', template: TOKEN }],
    ['the root templateType', { templateType: TOKEN, template: [] }],
    ['one template element', { templateType: 'CollectionContent', template: [TOKEN] }],
    ['an element templateType', deviceDoc(TOKEN, { anything: true })],
    ['a template object', deviceDoc('CalculatedContent', TOKEN)],
    ['a typeName', deviceDoc('CalculatedContent', calculatedTemplate({ typeName: TOKEN }))],
    ['an expression', deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: `$.${TOKEN}` }))],
    [
      'an expression object value',
      deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: { value: TOKEN, language: 'JmesPath' } })),
    ],
    ['an expression language', deviceDoc('CalculatedContent', calculatedTemplate({ deviceIdExpression: { value: 'deviceId', language: TOKEN } }))],
    [
      'defaultExpressionLanguage',
      deviceDoc('CalculatedContent', calculatedTemplate({ defaultExpressionLanguage: TOKEN, deviceIdExpression: 'not JSONPath [' })),
    ],
    ['values', deviceDoc('CalculatedContent', calculatedTemplate({ values: TOKEN }))],
    ['a values item', deviceDoc('CalculatedContent', calculatedTemplate({ values: [TOKEN] }))],
    [
      'required',
      deviceDoc('CalculatedContent', calculatedTemplate({ values: [{ valueName: 'hr', valueExpression: '$.matchedToken.hr', required: TOKEN }] })),
    ],
  ])('%s is never rejected', (_name, document) => {
    expect(checkDeviceMapping(document, 'deviceMapping', options)).toEqual([]);
  });

  test('without isUnresolved the same token strings are checked like any other text', () => {
    expect(checkDeviceMapping(TOKEN)).toEqual([finding('error', 'deviceMapping', 'not valid JSON')]);
  });
});
