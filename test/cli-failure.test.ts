import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { WITHDRAWN_MARKER } from '../lib/core/synthesis/stale-output';
import { cdktfSynth } from './cli-support';

/** The two-stacks fixture, broken the way `failure` says (or not at all). */
const synthFixture = (outdir: string, failure?: 'constructor' | 'annotation') =>
  cdktfSynth({ app: 'npx ts-node --transpile-only test/fixtures/two-stacks-app.ts', outdir, env: { AHDS_FIXTURE_FAILURE: failure ?? '' } });

const stackFile = (outdir: string, stack: string): string => path.join(outdir, 'stacks', stack, 'cdk.tf.json');

/** True when a stack's folder holds nothing Terraform would plan: no file, or the library's withdrawn configuration. */
const nothingToPlan = (outdir: string, stack: string): boolean => {
  const file = stackFile(outdir, stack);
  return !fs.existsSync(file) || WITHDRAWN_MARKER in JSON.parse(fs.readFileSync(file, 'utf8'));
};

/**
 * After a failed `cdktf synth`, no stack folder of the app may hold a configuration from before or from the failed
 * run: a pipeline that ignores the exit code and runs `terraform plan` there would otherwise plan it. The CLI keeps
 * the previous run's files when the app fails, and writes a rejected stack's file before it reports error
 * annotations; the library withdraws every stack's file (removed, or replaced by a configuration Terraform refuses
 * where the CLI must still read it).
 */
describe('a failed cdktf synth into an outdir that holds an earlier, successful synth', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahds-cli-failure-'));
    const first = synthFixture(outdir);
    expect(first.status).toBe(0);
    expect(fs.existsSync(stackFile(outdir, 'records'))).toBe(true);
    expect(fs.existsSync(stackFile(outdir, 'imaging'))).toBe(true);
  });
  afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test("invalid input (the library throws while the app is built): exits non-zero with our message and removes every stack's file", () => {
    const { status, output } = synthFixture(outdir, 'constructor');
    expect(status).not.toBe(0);
    expect(output).toContain('[records/Health/Patients] FhirService name "patients_fhir" is invalid');
    expect(fs.existsSync(stackFile(outdir, 'records'))).toBe(false);
    expect(fs.existsSync(stackFile(outdir, 'imaging'))).toBe(false);
  });

  test('an error annotation at synth (how synth-time checks report under the CLI): exits non-zero, prints it, and withdraws every stack', () => {
    const { status, output } = synthFixture(outdir, 'annotation');
    expect(status).not.toBe(0);
    expect(output).toContain('records is not allowed here (fixture)');
    expect(nothingToPlan(outdir, 'records')).toBe(true);
    expect(nothingToPlan(outdir, 'imaging')).toBe(true);
  });
});
