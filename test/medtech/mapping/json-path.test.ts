/**
 * The Json.NET JSONPath dialect. Expected errors are Json.NET's own (Newtonsoft.Json `JPathParseTests.cs` asserts
 * the same texts for these inputs).
 */
import { parseJsonPath } from '../../../lib/medtech/mapping/json-path';

describe('expressions Json.NET accepts', () => {
  test.each([
    '$',
    '$.Blah',
    ' $.Blah ',
    'Blah',
    "['Blah']",
    "[  'Blah'  ]",
    "['Blah.Ha']",
    '$.*',
    '$.[*]',
    '$[1]',
    '[*]',
    '[ * ].derp',
    "$.['*']",
    '$..Blah',
    '$..*',
    'Blah[0]..Two.Three[1].Four',
    '[111119990,3]',
    "['111119990','3']",
    '[111119990:3:2]',
    '[  -3  :  ]',
    '[ : 1 : ]',
    '$.elements[?(true)]',
    "$.elements..[?(@.id=='AAA')]",
    'Blah[ ?( @..name ) ]',
    "Blah[ ?( @.name=='h\\'i' ) ]",
    'Blah[ ?( @.name=~/hi/i ) ]',
    '[?(@.name<>null)]',
    '[?(@.name>=-12)]',
    '[?(@.name>=12.1)]',
    '[?(@.name&&@.title||@.pie)]',
    '[?($.name>=12.1)]',
    '[?(1 > 2)]',
    '[?(@.name>=5.56789e+0)]',
    "frameworks.dnxcore50.dependencies.['System.Xml.ReaderWriter'].source",
    // MedTech's idioms
    '$..[?(@heartRate)]',
    '$..[?(@Body.HeartRate)]',
    '$..[?(@systolic && @diastolic)]',
    '$.SystemProperties.iothub-connection-device-id',
    "$..[?(@.deviceType == 'deviceTypeA')]",
    '$.matchedToken.heartRate',
    '$.Body.data[?(@.v === 1 || @.w !== 2)]',
  ])('%s', (expression) => {
    expect(parseJsonPath(expression)).toMatchObject({ ok: true });
  });
});

describe('expressions Json.NET rejects', () => {
  test.each([
    ['$ .Blah', 'Unexpected character while parsing path:  ', 1],
    ['$.Blah.', 'Unexpected end while parsing path.', 7],
    ['$. Blah', 'Unexpected character while parsing path:  ', 2],
    ['Blah[?(@.title =~ /[\\', 'Path ended with an open regex.', 21],
    ["Blah[ ?( @.name=='h\\i' ) ]", 'Unknown escape character: \\i', 20],
    ['[?(@.name||)]', 'Unexpected character while parsing path query: )', 11],
    ['[?(@.name|)]', 'Unexpected character while parsing path query: |', 9],
    ['[?(@.name||', 'Path ended with open query.', 11],
    ['[?(@.name||s', 'Unexpected character while parsing path query: s', 11],
    ['[?(@.name||@', 'Path ended with open query.', 12],
    ['[?(@.name||@.', 'Unexpected end while parsing path.', 13],
    ['Blah[[0]].Two.Three[1].Four', 'Unexpected character while parsing path indexer: [', 5],
    ['Blah[0', 'Path ended with open indexer.', 6],
    ['[]', 'Array index expected.', 1],
    [']', 'Unexpected character while parsing path: ]', 0],
    ['[1]Blah', 'Unexpected character following indexer: B', 3],
    // MedTech mistakes
    ['$..[?(heartRate)]', 'Unexpected character while parsing path query: h', 6],
    ['$.a[', 'Path ended with open indexer.', 4],
    ['$..[?(@a == 1&& @b)]', 'Unexpected character while parsing path query:  ', 15],
    ['$[1-2]', 'Input string was not in a correct format.', 2],
    ['$[99999999999]', 'Value was either too large or too small for an Int32.', 2],
  ])('%s → %s', (expression, message, position) => {
    expect(parseJsonPath(expression)).toEqual({ ok: false, message, position });
  });
});

describe('parsed steps', () => {
  test('a scan filter after .. (it also tests the token it starts from)', () => {
    expect(parseJsonPath('$..[?(@Body.HeartRate)]')).toEqual({
      ok: true,
      filters: [
        {
          kind: 'queryScan',
          expression: {
            kind: 'boolean',
            operator: 'exists',
            left: {
              kind: 'path',
              filters: [
                { kind: 'field', name: 'Body' },
                { kind: 'field', name: 'HeartRate' },
              ],
            },
          },
        },
      ],
    });
  });

  test('"@name" without a dot reads the member, and && builds an and-expression', () => {
    const parsed = parseJsonPath('$..[?(@systolic && @diastolic)]');
    expect(parsed).toMatchObject({
      ok: true,
      filters: [
        {
          kind: 'queryScan',
          expression: { kind: 'and', expressions: [{ left: { filters: [{ name: 'systolic' }] } }, { left: { filters: [{ name: 'diastolic' }] } }] },
        },
      ],
    });
  });

  test('"$x" is a member named "$x", not the root', () => {
    expect(parseJsonPath('$x.y')).toEqual({
      ok: true,
      filters: [
        { kind: 'field', name: '$x' },
        { kind: 'field', name: 'y' },
      ],
    });
  });

  test('quoted, multiple and wildcard members, indexes and slices', () => {
    expect(parseJsonPath("$['a','b'].*[0,1][1:-1:2]..c")).toEqual({
      ok: true,
      filters: [
        { kind: 'fieldMultiple', names: ['a', 'b'] },
        { kind: 'field', name: undefined },
        { kind: 'arrayMultipleIndex', indexes: [0, 1] },
        { kind: 'arraySlice', start: 1, end: -1, step: 2 },
        { kind: 'scan', name: 'c' },
      ],
    });
  });
});
