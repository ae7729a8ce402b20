/**
 * The real documents: Microsoft's MedTech samples and the azurerm provider's acceptance-test mappings, read at test
 * time from ../shared/reference (or AHDS_REFERENCE_DIR). Only these tests are skipped when the folder is absent.
 */
import * as fs from 'fs';
import * as path from 'path';
import { canonicalMappingJson, checkDeviceMapping, checkFhirMapping, checkMappingLinkage, MappingFinding } from '../../../lib/medtech/mapping';
import { errorsOf, finding } from './support';

const REFERENCE = process.env.AHDS_REFERENCE_DIR ?? path.resolve(__dirname, '../../../../shared/reference');
const SAMPLES = path.join(REFERENCE, 'medtech-samples');
const AZURERM = path.join(REFERENCE, 'azurerm-test-mappings');
const available = fs.existsSync(SAMPLES) && fs.existsSync(AZURERM);
const describeReference = available ? describe : describe.skip;
const skipNote = available ? '' : ` (SKIPPED: ${REFERENCE} not found; set AHDS_REFERENCE_DIR to the shared reference folder)`;
if (!available) console.warn(`Reference-document tests${skipNote}`);

interface MappingFile {
  readonly name: string;
  readonly kind: 'device' | 'fhir';
  readonly text: string;
}

function mappingFiles(folder: string): MappingFile[] {
  return fs
    .readdirSync(folder)
    .sort()
    .filter((name) => name.endsWith('.json') && /(device-mapping|fhir-mapping|fhir-destination-mapping)/.test(name))
    .map((name) => ({
      name,
      kind: /fhir/.test(name) ? ('fhir' as const) : ('device' as const),
      text: fs.readFileSync(path.join(folder, name), 'utf8'),
    }));
}

function check(file: MappingFile): MappingFinding[] {
  return file.kind === 'device' ? checkDeviceMapping(file.text) : checkFhirMapping(file.text);
}

function sampleFolders(): string[] {
  return available
    ? fs
        .readdirSync(SAMPLES)
        .filter((name) => /^\d\d-/.test(name))
        .sort()
    : [];
}

/** Documents the service does not accept, and why (see the research notes and the report). */
const KNOWN_BAD = new Set([
  // The sample's own README calls it broken: root-relative paths in CalculatedContent.
  '09-pitfall-calculatedcontent-root-paths/device-mapping.json',
]);

describeReference(`MedTech samples${skipNote}`, () => {
  const accepted = sampleFolders().flatMap((folder) =>
    mappingFiles(path.join(SAMPLES, folder))
      .filter((file) => !KNOWN_BAD.has(`${folder}/${file.name}`))
      .map((file) => [`${folder}/${file.name}`, file] as const),
  );

  test('there are samples to check', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(15);
  });

  test.each(accepted)('%s passes with no errors', (_name, file) => {
    expect(errorsOf(check(file))).toEqual([]);
  });

  test('09: every deviceId, timestamp and value expression of every template is a root path that can never match', () => {
    const text = fs.readFileSync(path.join(SAMPLES, '09-pitfall-calculatedcontent-root-paths/device-mapping.json'), 'utf8');
    const document = JSON.parse(text) as { template: Array<{ template: { values: unknown[] } }> };
    const findings = checkDeviceMapping(text);
    document.template.forEach((element, t) => {
      const at = `deviceMapping.template[${t}].template`;
      expect(findings).toContainEqual(finding('error', `${at}.deviceIdExpression`, 'can never match'));
      expect(findings).toContainEqual(finding('error', `${at}.timestampExpression`, 'can never match'));
      element.template.values.forEach((_value, v) => {
        expect(findings).toContainEqual(finding('error', `${at}.values[${v}].valueExpression`, 'Use "$.matchedToken.'));
      });
    });
  });

  test('01 JMESPath variant: the legacy literal `heartRate` (from Azure docs) is a warning, not an error', () => {
    const text = fs.readFileSync(path.join(SAMPLES, '01-heartrate-calculatedcontent/device-mapping.jmespath-variant.json'), 'utf8');
    expect(checkDeviceMapping(text)).toEqual([
      finding('warning', 'deviceMapping.template[0].template.typeMatchExpression', 'The literal `heartRate` is not JSON'),
    ]);
  });

  test('04: heartrate vs heartRate is a warning; stepcount vs stepsCount is an error', () => {
    const folder = path.join(SAMPLES, '04-heartrate-and-steps-typename-linkage');
    const findings = checkMappingLinkage(
      fs.readFileSync(path.join(folder, 'device-mapping.json'), 'utf8'),
      fs.readFileSync(path.join(folder, 'fhir-mapping.from-configuration-md.json'), 'utf8'),
    );
    expect(findings).toContainEqual(
      finding('warning', 'deviceMapping.template[0].template.typeName', '"heartrate" matches FHIR template "heartRate" only when case is ignored'),
    );
    expect(errorsOf(findings)).toEqual([
      finding(
        'error',
        'deviceMapping.template[1].template.typeName',
        'No matching Fhir Template exists for Device Mapping [stepcount]. Ensure case matches. Available Fhir Templates: [heartRate ,stepsCount].',
      ),
    ]);
  });

  test.each(sampleFolders().filter((folder) => !folder.startsWith('04-')))('%s: device and FHIR mappings link without errors', (folder) => {
    const files = mappingFiles(path.join(SAMPLES, folder));
    const fhir = files.find((file) => file.kind === 'fhir');
    for (const device of files.filter((file) => file.kind === 'device' && fhir !== undefined)) {
      expect(errorsOf(checkMappingLinkage(device.text, fhir!.text))).toEqual([]);
    }
  });
});

describeReference(`azurerm acceptance-test mappings${skipNote}`, () => {
  const files = available ? mappingFiles(AZURERM).filter((file) => !file.name.endsWith('.normalized.json')) : [];

  test.each(files.map((file) => [file.name, file] as const))('%s passes with no findings', (_name, file) => {
    expect(check(file)).toEqual([]);
  });

  test.each(files.map((file) => [file.name, file] as const))('%s: canonicalMappingJson equals the provider-normalized file', (_name, file) => {
    const normalized = fs.readFileSync(path.join(AZURERM, file.name.replace(/\.json$/, '.normalized.json')), 'utf8').trimEnd();
    expect(canonicalMappingJson(file.text)).toBe(normalized);
    expect(canonicalMappingJson(JSON.parse(file.text))).toBe(normalized);
  });
});
