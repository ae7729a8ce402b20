/**
 * The engine behaviours the evaluator models, one by one: expression dialects, value and time conversions, the
 * event envelope, where errors stop a message, and what fails the mapping before any message.
 */
import { HealthDataValidationError, MappingEvaluator, NormalizeOptions } from '../../../lib';
import { calculatedTemplate, deviceDoc, iotTemplate, jsonPathTemplate } from '../mapping/support';

const calculated = (overrides: Record<string, unknown> = {}): Record<string, unknown> =>
  deviceDoc('CalculatedContent', calculatedTemplate(overrides));
const jmes = (value: string): Record<string, string> => ({ value, language: 'JmesPath' });
const BODY = { heartRate: 78, endDate: '2023-03-13T22:46:01.875Z', deviceId: 'device01' };

function run(mapping: unknown, message: unknown, options?: NormalizeOptions) {
  return MappingEvaluator.normalize(mapping as Record<string, unknown>, message, options);
}

function values(mapping: unknown, message: unknown, options?: NormalizeOptions): string[] {
  const result = run(mapping, message, options);
  expect(result.errors).toEqual([]);
  return result.measurements.flatMap((m) => m.properties.map((p) => p.value));
}

function firstError(mapping: unknown, message: unknown, options?: NormalizeOptions): string {
  const result = run(mapping, message, options);
  expect(result.errors).toHaveLength(1);
  return `${result.errors[0].errorType}: ${result.errors[0].message}`;
}

describe('JSONPath in the Json.NET dialect', () => {
  test.each([
    ['@name without a dot tests existence', '$..[?(@heartRate)]'],
    ['a scan filter includes the token itself', '$..[?(@Body.heartRate)]'],
    ['== with a number', '$..[?(@heartRate == 78)]'],
    ['a string on the left is compared as a number with a number', '$..[?(@hr > 100)]'],
  ])('%s', (_name, typeMatchExpression) => {
    const body = typeMatchExpression.includes('@hr ') ? { hr: '120', endDate: BODY.endDate, deviceId: 'd' } : BODY;
    const value = typeMatchExpression.includes('@hr ')
      ? '$.matchedToken.hr'
      : typeMatchExpression.includes('Body.')
        ? '$.matchedToken.Body.heartRate'
        : '$.matchedToken.heartRate';
    const deviceId = typeMatchExpression.includes('Body.') ? '$.matchedToken.Body.deviceId' : '$.matchedToken.deviceId';
    const timestamp = typeMatchExpression.includes('Body.') ? '$.matchedToken.Body.endDate' : '$.matchedToken.endDate';
    expect(
      values(
        calculated({
          typeMatchExpression,
          deviceIdExpression: deviceId,
          timestampExpression: timestamp,
          values: [{ valueName: 'v', valueExpression: value, required: true }],
        }),
        body,
      ),
    ).toEqual([typeMatchExpression.includes('@hr ') ? '120' : '78']);
  });

  test('existence counts null, 0, "" and false; a missing member does not', () => {
    const mapping = calculated({
      typeMatchExpression: '$.Body[*][?(@flag)]',
      values: [{ valueName: 'flag', valueExpression: '$.matchedToken.flag' }],
    });
    const body = [null, 0, '', false, 'missing'].map((flag, i) =>
      flag === 'missing' ? { deviceId: `d${i}`, endDate: BODY.endDate } : { flag, deviceId: `d${i}`, endDate: BODY.endDate },
    );
    // [*] then [?()] filters each element's members: the elements are objects, whose children are properties.
    expect(run(mapping, body).measurements).toHaveLength(0);
    const scan = calculated({ typeMatchExpression: '$..[?(@flag)]', values: [{ valueName: 'flag', valueExpression: '$.matchedToken.flag' }] });
    expect(run(scan, body).measurements.map((m) => [m.deviceId, m.properties])).toEqual([
      ['d0', []],
      ['d1', [{ name: 'flag', value: '0' }]],
      ['d2', [{ name: 'flag', value: '' }]],
      ['d3', [{ name: 'flag', value: 'False' }]],
    ]);
  });

  test('a single-value expression that finds two tokens fails: $..deviceId sees the body and the matchedToken copy', () => {
    expect(firstError(calculated({ deviceIdExpression: '$..deviceId' }), BODY)).toBe(
      'TemplateExpressionException: Unable to retrieve JsonToken using expression $..deviceId: Path returned multiple tokens.',
    );
  });

  test('a syntax error fails per message, as the service parses JSONPath lazily', () => {
    expect(firstError(calculated({ deviceIdExpression: '$.matchedToken[' }), BODY)).toBe(
      'TemplateExpressionException: Unable to retrieve JsonToken using expression $.matchedToken[: Path ended with open indexer.',
    );
  });

  test('a date compares equal to its ISO text', () => {
    const mapping = calculated({ typeMatchExpression: "$..[?(@endDate == '2023-03-13T22:46:01.875Z')]" });
    expect(values(mapping, { ...BODY, heartRate: 1 })).toEqual(['1']);
  });
});

describe('JMESPath as JmesPath.Net, with the MedTech functions', () => {
  const template = (typeMatch: string, value: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
    calculated({
      typeMatchExpression: jmes(typeMatch),
      values: [{ valueName: 'v', valueExpression: jmes(value), required: true }],
      ...extra,
    });

  test('a projection in the type match yields one match per element', () => {
    const body = { deviceId: 'd', endDate: BODY.endDate, data: [{ x: 1 }, { x: 2 }, { y: 3 }] };
    expect(
      values(template('Body.data[?x]', 'matchedToken.x', { deviceIdExpression: '$.Body.deviceId', timestampExpression: '$.Body.endDate' }), body),
    ).toEqual(['1', '2']);
  });

  test('a null in the data stays in a projection (JmesPath.Net drops only its own null, by reference); a missing member is dropped', () => {
    const body = { deviceId: 'd', endDate: BODY.endDate, data: [{ a: null }, { a: 1 }, { b: 2 }] };
    expect(
      values(
        template('Body.data[*].a', 'to_string(matchedToken)', { deviceIdExpression: '$.Body.deviceId', timestampExpression: '$.Body.endDate' }),
        body,
      ),
    ).toEqual(['null', '1']);
    // [*] itself drops every null (JTokens.IsNull), so nulls in the array are not projected.
    expect(
      values(
        template('Body.data[*].a[*]', 'to_string(matchedToken)', { deviceIdExpression: '$.Body.deviceId', timestampExpression: '$.Body.endDate' }),
        body,
      ),
    ).toEqual([]);
  });

  test('pitfall: a type match that is not a projection matches once whatever it is, false included', () => {
    expect(
      values(
        template('Body.heartRate == `1`', 'matchedToken', { deviceIdExpression: '$.Body.deviceId', timestampExpression: '$.Body.endDate' }),
        BODY,
      ),
    ).toEqual(['False']);
    // A multi-select list is an array, not a projection: one match, the array.
    expect(
      values(
        template('[Body, Body]', 'length(matchedToken)', { deviceIdExpression: '$.Body.deviceId', timestampExpression: '$.Body.endDate' }),
        BODY,
      ),
    ).toEqual(['2']);
  });

  test('a single-value expression that returns a projection of two fails', () => {
    const body = { deviceId: 'd', endDate: BODY.endDate, data: [{ x: 1 }, { x: 2 }] };
    expect(
      firstError(template('Body', 'matchedToken.data[*].x', { deviceIdExpression: '$.Body.deviceId', timestampExpression: '$.Body.endDate' }), body),
    ).toBe('TemplateExpressionException: Multiple tokens were returned using expression matchedToken.data[*].x');
  });

  test.each([
    ['divide of two integers is integer division', 'divide(`5`, `2`)', '2'],
    ['divide with a float divides as double', 'divide(`5.0`, `2`)', '2.5'],
    ['add of longs wraps around like C#', 'add(`9223372036854775807`, `1`)', '-9223372036854775808'],
    ['multiply then 15 significant digits', 'multiply(`0.1`, `3`)', '0.3'],
    ['pow of integers is a long', 'pow(`2`, `10`)', '1024'],
    ['insertString', "insertString('heartrate', '-', `5`)", 'heart-rate'],
    ['to_number of a numeric string', "to_number('42')", '42'],
    ['avg is a double', 'avg([`2`, `4`])', '3'],
    ['length counts characters', "length('héllo')", '5'],
    ['sort orders numbers as numbers', 'to_string(sort([`-1`, `-2`, `10`]))', '[-2,-1,10]'],
    ['max_by keeps the later of equal keys', 'max_by([{"k": `1`, "v": \'first\'}, {"k": `1`, "v": \'second\'}], &k).v', 'second'],
  ])('%s', (_name, expression, expected) => {
    expect(values(template('[Body]', expression, { deviceIdExpression: '$.Body.deviceId', timestampExpression: '$.Body.endDate' }), BODY)).toEqual([
      expected,
    ]);
  });

  test('divide(5.0, 2) from message text: 5.0 is a float in Json.NET, so the division is a double one', () => {
    const mapping = template('Body', 'divide(matchedToken.a, matchedToken.b)', {
      deviceIdExpression: '$.Body.deviceId',
      timestampExpression: '$.Body.endDate',
    });
    expect(values(mapping, '{"a": 5.0, "b": 2, "deviceId": "d", "endDate": "2023-03-13T22:46:01Z"}')).toEqual(['2.5']);
    expect(values(mapping, '{"a": 5, "b": 2, "deviceId": "d", "endDate": "2023-03-13T22:46:01Z"}')).toEqual(['2']);
  });

  test('fromUnixTimestamp and fromUnixTimestampMs make UTC times a timestamp expression can use', () => {
    for (const [expression, time] of [
      ['fromUnixTimestamp(matchedToken.t)', 1625677200],
      ['fromUnixTimestampMs(matchedToken.t)', 1625677200000],
    ] as const) {
      const result = run(calculated({ timestampExpression: jmes(expression) }), { ...BODY, t: time });
      expect(result.errors).toEqual([]);
      expect(result.measurements[0].occurrenceTimeUtc).toBe('2021-07-07T17:00:00Z');
    }
  });

  test.each([
    [
      'a string where a number is expected',
      'multiply(matchedToken.deviceId, `2`)',
      'Exception: Error: invalid-type, function multiply expects argument 0 to be one of the following: Integer|Float',
    ],
    ['integer division by zero', 'divide(`1`, `0`)', 'DivideByZeroException: Attempted to divide by zero.'],
    [
      'a float for fromUnixTimestamp',
      'fromUnixTimestamp(`1.5`)',
      'Exception: Error: invalid-type, function fromUnixTimestamp expects argument 0 to be one of the following: Integer',
    ],
    [
      'a standard function with a wrong type',
      'length(`1`)',
      'Exception: Error: invalid-type, function length expects either an object, an array or a string.',
    ],
  ])('an error in a function fails the message: %s', (_name, expression, error) => {
    const result = run(calculated({ values: [{ valueName: 'v', valueExpression: jmes(expression), required: true }] }), BODY);
    expect(result.errors.map((e) => `${e.errorType}: ${e.message}`)).toEqual([error]);
    expect(result.errors[0].path).toBe('deviceMapping.template[0].template.values[0].valueExpression.value');
  });

  test('JMESPath is parsed when the mapping loads: an unknown function fails before any message', () => {
    const result = run(calculated({ values: [{ valueName: 'v', valueExpression: jmes('upper(matchedToken.deviceId)') }] }), BODY);
    expect(result.measurements).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        errorType: 'TemplateExpressionException',
        message: expect.stringContaining('Error: unknown-function, no function named upper has been registered.'),
      }),
    ]);
  });
});

describe('values and times as the service converts them', () => {
  const valueOf = (member: unknown, required = false): ReturnType<typeof run> =>
    run(calculated({ values: [{ valueName: 'v', valueExpression: '$.matchedToken.v', required }] }), { ...BODY, v: member });

  test.each([
    ['an integer', 78, '78'],
    ['a double', 98.6, '98.6'],
    ['a boolean', true, 'True'],
    ['an ISO date string (a Date token): .NET invariant text', '2023-03-13T22:46:01Z', '03/13/2023 22:46:01'],
    ['an empty string (not required) is kept', '', ''],
  ])('%s', (_name, member, expected) => {
    expect(valueOf(member).measurements[0].properties).toEqual([{ name: 'v', value: expected }]);
  });

  test('null or an object (not required) leaves the value out; required, they fail', () => {
    expect(valueOf(null).measurements[0].properties).toEqual([]);
    expect(valueOf({ a: 1 }).measurements[0].properties).toEqual([]);
    expect(valueOf(null, true).errors[0].message).toBe(
      'Unable to extract required value for [v]: A null or empty value was supplied for the required field [v]',
    );
    expect(valueOf({ a: 1 }, true).errors[0].message).toBe(
      'Unable to extract required value for [v]: Encountered an error while extracting value for [v] using expression $.matchedToken.v: Cannot cast Newtonsoft.Json.Linq.JObject to System.String.',
    );
  });

  test.each([
    ['Z', '2023-03-13T22:46:01.875Z', '2023-03-13T22:46:01.875Z'],
    ['no offset: taken as UTC', '2023-03-13T22:46:01.8750000', '2023-03-13T22:46:01.875Z'],
    ['an offset: converted to UTC', '2023-03-13T22:46:01+02:00', '2023-03-13T20:46:01Z'],
    ['a string DateTime.Parse reads', '03/13/2023 22:46:01', '2023-03-13T22:46:01Z'],
  ])('timestamp with %s', (_name, endDate, expected) => {
    expect(run(calculated(), { ...BODY, endDate }).measurements[0].occurrenceTimeUtc).toBe(expected);
  });

  test('a number is no timestamp (use fromUnixTimestamp)', () => {
    expect(firstError(calculated(), { ...BODY, endDate: 1678747561 })).toBe(
      "IncompatibleDataException: Unable to extract required value for [TimestampExpression]: Encountered an error while extracting value for [TimestampExpression] using expression $.matchedToken.endDate: Invalid cast from 'Int64' to 'DateTime'.",
    );
  });

  test('patient, encounter and correlation ids; an optional expression that finds nothing is left out', () => {
    const mapping = calculated({
      patientIdExpression: '$.matchedToken.patient',
      encounterIdExpression: '$.matchedToken.encounter',
      correlationIdExpression: '$.matchedToken.session',
    });
    expect(run(mapping, { ...BODY, patient: 'p1', session: 's1' }).measurements[0]).toEqual(
      expect.objectContaining({ patientId: 'p1', correlationId: 's1' }),
    );
    expect(run(mapping, { ...BODY, patient: 'p1', session: 's1' }).measurements[0]).not.toHaveProperty('encounterId');
    expect(firstError(mapping, { ...BODY, patient: 'p1' })).toBe(
      'IncompatibleDataException: Unable to extract required value for [CorrelationIdExpression] using $.matchedToken.session',
    );
  });
});

describe('the event envelope', () => {
  test('by default the message is wrapped as {Body, Properties, SystemProperties}; envelope: false takes it as it is', () => {
    const mapping = calculated({ deviceIdExpression: '$.SystemProperties.device', values: [{ valueName: 'p', valueExpression: '$.Properties.p' }] });
    const result = run(mapping, BODY, {
      properties: { p: 'x' },
      systemProperties: { device: 'from-system' },
      enqueuedTimeUtc: '2023-03-13T22:46:05Z',
    });
    expect(result.measurements).toEqual([
      {
        type: 'heartrate',
        occurrenceTimeUtc: '2023-03-13T22:46:01.875Z',
        deviceId: 'from-system',
        ingestionTimeUtc: '2023-03-13T22:46:05Z',
        properties: [{ name: 'p', value: 'x' }],
      },
    ]);
    const fromBody = calculated({ deviceIdExpression: '$.Body.deviceId' });
    expect(run(fromBody, { Body: BODY }, { envelope: false }).measurements).toHaveLength(1);
    expect(firstError(fromBody, BODY, { envelope: false })).toBe(
      'IncompatibleDataException: Unable to extract required value for [DeviceIdExpression] using $.Body.deviceId',
    );
  });

  test('a body that is not JSON, and an empty body', () => {
    expect(firstError(calculated(), '{"heartRate": 78,')).toMatch(
      /^InvalidDataFormatException: Invalid event message\. Cannot be parsed into a JSON object\./,
    );
    expect(run(calculated(), '')).toEqual({ measurements: [], errors: [] });
  });

  test('IotJsonPathContent reads the device id and time from the IoT Hub properties, IotCentralJsonPathContent from the export', () => {
    const iot = deviceDoc('IotJsonPathContent', iotTemplate());
    const result = run(
      iot,
      { HeartRate: 70 },
      { systemProperties: { 'iothub-connection-device-id': 'hub-device', 'iothub-enqueuedtime': '2023-07-25T19:33:13.087Z' } },
    );
    expect(result.measurements.map((m) => [m.deviceId, m.occurrenceTimeUtc])).toEqual([['hub-device', '2023-07-25T19:33:13.087Z']]);
    expect(firstError(iot, { HeartRate: 70 })).toMatch(
      /Unable to extract required value for \[DeviceIdExpression\] using \$\.SystemProperties\.iothub-connection-device-id/,
    );
  });
});

describe('where errors stop', () => {
  test('an error stops the message: earlier measurements are kept, later templates are not evaluated', () => {
    const ok = { templateType: 'CalculatedContent', template: calculatedTemplate() };
    const failing = {
      templateType: 'CalculatedContent',
      template: calculatedTemplate({ typeName: 'broken', deviceIdExpression: '$.matchedToken.nothing' }),
    };
    const result = run({ templateType: 'CollectionContent', template: [ok, failing, ok] }, BODY);
    expect(result.measurements.map((m) => m.type)).toEqual(['heartrate']);
    expect(result.errors).toEqual([expect.objectContaining({ path: 'deviceMapping.template[1].template.deviceIdExpression' })]);
  });

  test.each([
    [
      'an unknown template type',
      deviceDoc('CalculatedContentTemplate', calculatedTemplate()),
      'deviceMapping.template[0].templateType',
      'No match found for template type CalculatedContentTemplate.',
    ],
    [
      'CalculatedContent without values',
      deviceDoc('CalculatedContent', calculatedTemplate({ values: undefined })),
      'deviceMapping.template[0].template.values',
      'values is missing',
    ],
    [
      'an unknown member',
      deviceDoc('JsonPathContent', jsonPathTemplate({ defaultExpressionLanguage: 'JsonPath' })),
      'deviceMapping.template[0].template.defaultExpressionLanguage',
      "Could not find member 'defaultExpressionLanguage'",
    ],
    [
      'a blank CalculatedContent expression',
      calculated({ deviceIdExpression: ' ' }),
      'deviceMapping.template[0].template.deviceIdExpression',
      'deviceIdExpression is empty',
    ],
    [
      'not a device mapping',
      { templateType: 'CollectionFhir', template: [] },
      'deviceMapping.templateType',
      'Expected TemplateType value CollectionContentTemplate, actual CollectionFhir.',
    ],
  ])('the mapping does not load (%s): nothing is evaluated', (_name, mapping, path, message) => {
    const result = run(mapping, BODY);
    expect(result.measurements).toEqual([]);
    expect(result.errors).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });

  test('a blank expression in a JSONPath-only template counts as missing: it fails per message', () => {
    expect(firstError(deviceDoc('JsonPathContent', jsonPathTemplate({ typeMatchExpression: ' ' })), { heartrate: 1 })).toBe(
      'IncompatibleDataException: An expression must be set for [TypeMatchExpression]',
    );
  });

  test("options are checked: wrong types fail with the library's error", () => {
    expect(() => MappingEvaluator.normalize(calculated(), BODY, { envelope: 'yes' as unknown as boolean })).toThrow(HealthDataValidationError);
    expect(() => MappingEvaluator.normalize(calculated(), undefined)).toThrow(/message is missing/);
    expect(() => MappingEvaluator.normalize(calculated(), BODY, { enqueuedTimeUtc: 'soon' })).toThrow(/options\.enqueuedTimeUtc "soon" is invalid/);
  });
});
