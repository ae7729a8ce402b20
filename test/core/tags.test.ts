import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { HealthDataValidationError, Tags, Workspace } from '../../lib';

/**
 * Tag rules: the azurerm provider's `tags.Validate` compares Go `len` (UTF-8 bytes) with 512 per name and 256 per
 * value; Azure forbids `< > % & \ ? /` in tag names and requires a name.
 */

function problemsOf(tags: Tags, build?: (stack: TerraformStack) => Tags): string[] {
  const stack = new TerraformStack(new App(), 'stack');
  try {
    new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg', tags: build ? build(stack) : tags });
  } catch (error) {
    if (error instanceof HealthDataValidationError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('tag lengths are counted in UTF-8 bytes', () => {
  test.each([
    [
      "the issue's example: 'é' x 200 (400 bytes) as a value",
      { note: 'é'.repeat(200) },
      'Workspace tags "note" has a value of 400 bytes (200 characters); a tag value may have at most 256 bytes',
    ],
    ['128 three-byte characters (384 bytes)', { note: '病'.repeat(128) }, 'has a value of 384 bytes (128 characters)'],
    ['65 four-byte emoji (260 bytes)', { note: '🏥'.repeat(65) }, 'has a value of 260 bytes (65 characters)'],
    ['257 ASCII characters', { note: 'v'.repeat(257) }, 'has a value of 257 bytes; a tag value may have at most 256 bytes'],
    [
      'a name of 300 two-byte characters (600 bytes)',
      { ['ä'.repeat(300)]: 'v' },
      'is 600 bytes (300 characters); a tag key may have at most 512 bytes',
    ],
    ['a name of 513 ASCII characters', { ['k'.repeat(513)]: 'v' }, 'is 513 bytes; a tag key may have at most 512 bytes'],
  ])('%s fails', (_, tags, expected) => {
    const problems = problemsOf(tags);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
    expect(problems[0]).toContain('Shorten it.');
  });

  test.each([
    ['256 ASCII characters', { note: 'v'.repeat(256) }],
    ['128 two-byte characters (256 bytes)', { note: 'é'.repeat(128) }],
    ['64 four-byte emoji (256 bytes)', { note: '🏥'.repeat(64) }],
    ['a name of 256 two-byte characters (512 bytes)', { ['ä'.repeat(256)]: 'v' }],
    ['an empty value', { note: '' }],
  ])('%s passes', (_, tags) => {
    expect(problemsOf(tags)).toEqual([]);
  });
});

describe('tag names', () => {
  test.each(['<', '>', '%', '&', '\\', '?', '/'])("a name with '%s' fails with a repaired name", (c) => {
    const problems = problemsOf({ [`cost${c}center`]: 'x' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Workspace tags name ${JSON.stringify(`cost${c}center`)} is invalid: Azure does not allow '${c}' in tag names`);
    expect(problems[0]).toContain('Use e.g. "cost-center".');
  });

  test('every forbidden character of a name is named once', () => {
    const [problem] = problemsOf({ 'a/b/c?d': 'x' });
    expect(problem).toContain("Azure does not allow '/', '?' in tag names");
    expect(problem).toContain('Use e.g. "a-b-c-d".');
  });

  test('an empty name fails', () => {
    expect(problemsOf({ '': 'x' })).toEqual([
      '[stack/Health] Workspace tags has a tag with an empty name; Azure requires a tag name. Give the tag a name or remove it.',
    ]);
  });

  test.each(['cost-center', 'Cost Center', 'a.b_c:d', 'hipaa=true', '病院', '#team', '*', '+x'])('%s is a valid name', (name) => {
    expect(problemsOf({ [name]: 'x' })).toEqual([]);
  });

  test('a name with a token and a literal forbidden character still fails; a token name or value passes', () => {
    const problems = problemsOf({}, (stack) => {
      const token = new TerraformVariable(stack, 'team', { type: 'string' }).stringValue;
      return { [`team/${token}`]: 'x', [token]: 'x', plain: token };
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("Azure does not allow '/' in tag names");
    expect(problems[0]).toContain('"team/(a value known only at apply)"');
    expect(problems[0]).not.toMatch(/TfToken/);
  });

  test('service tags follow the same rules', () => {
    const stack = new TerraformStack(new App(), 'stack');
    const workspace = new Workspace(stack, 'Health', { name: 'health', location: 'eastus', resourceGroupName: 'rg' });
    expect(() => workspace.addFhirService('Fhir', { name: 'records', tags: { 'a&b': 'é'.repeat(129) } })).toThrow(
      /FhirService tags name "a&b" is invalid: Azure does not allow '&'[\s\S]*FhirService tags "a&b" has a value of 258 bytes \(129 characters\)/,
    );
  });
});
