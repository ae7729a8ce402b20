/** The checks with cdktf's own `Token.isUnresolved`, as the MedTech construct would call them. */
import { Lazy, Token } from 'cdktf';
import { checkDeviceMapping, checkFhirMapping, checkMappingLinkage } from '../../../lib/medtech/mapping';
import { calculatedTemplate, codeValueTemplate, deviceDoc, fhirDoc } from './support';

const options = { isUnresolved: (value: unknown) => Token.isUnresolved(value) };
const text = () => Token.asString(Lazy.stringValue({ produce: () => 'resolved later' }));
const number = () => Token.asNumber(Lazy.numberValue({ produce: () => 60 }));
const list = () => Token.asList(Lazy.listValue({ produce: () => [] }));

describe('cdktf tokens', () => {
  test('a device mapping with tokens in its strings passes', () => {
    const document = deviceDoc(
      'CalculatedContent',
      calculatedTemplate({
        typeName: text(),
        deviceIdExpression: `$.matchedToken.${text()}`,
        values: [{ valueName: text(), valueExpression: { value: text(), language: text() }, required: text() }],
      }),
    );
    expect(checkDeviceMapping(document, 'deviceMapping', options)).toEqual([]);
  });

  test('a FHIR mapping with token numbers and lists passes', () => {
    const document = fhirDoc(
      codeValueTemplate({
        typeName: text(),
        periodInterval: number(),
        codes: list(),
        value: { valueType: 'SampledData', valueName: 'hr', unit: text(), defaultPeriod: number() },
      }),
    );
    expect(checkFhirMapping(document, 'fhirMapping', options)).toEqual([]);
  });

  test('a token FHIR typeName is never reported as a missing template', () => {
    expect(
      checkMappingLinkage(deviceDoc('CalculatedContent', calculatedTemplate()), fhirDoc(codeValueTemplate({ typeName: text() })), undefined, options),
    ).toEqual([]);
  });

  test('a whole document given as a token string is skipped', () => {
    expect(checkDeviceMapping(text(), 'deviceMapping', options)).toEqual([]);
    expect(checkFhirMapping(text(), 'fhirMapping', options)).toEqual([]);
  });
});
