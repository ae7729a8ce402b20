import * as fs from 'fs';
import * as path from 'path';

/** The shared reference data, read at test time (never copied into the project). */
export const REFERENCE = process.env.AHDS_REFERENCE_DIR ?? path.resolve(__dirname, '../../../../shared/reference');
export const SAMPLES = path.join(REFERENCE, 'medtech-samples');
export const IOMT_TESTS = path.join(REFERENCE, 'iomt-fhir-tests');

export const samplesAvailable = fs.existsSync(SAMPLES);
export const iomtTestsAvailable = fs.existsSync(IOMT_TESTS);

export function skipNote(available: boolean): string {
  return available ? '' : ` (SKIPPED: ${REFERENCE} not found; set AHDS_REFERENCE_DIR to the shared reference folder)`;
}

/** A file's text without the UTF-8 byte-order mark (.NET's File.ReadAllText drops it too). */
export function readText(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(readText(file)) as T;
}

export function sample(...parts: string[]): string {
  return path.join(SAMPLES, ...parts);
}

export function iomt(...parts: string[]): string {
  return path.join(IOMT_TESTS, ...parts);
}

/** A single device template file of the engine's tests, wrapped in the collection a deployable mapping has. */
export function collectionOf(templateFile: string): Record<string, unknown> {
  return { templateType: 'CollectionContent', template: [readJson(templateFile)] };
}
