import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cdktfSynth } from './cli-support';

/** The two-stacks fixture, broken the way `failure` says (or not at all). */
const synthFixture = (outdir: string, failure?: 'constructor' | 'annotation') =>
  cdktfSynth({ app: 'npx ts-node --transpile-only test/fixtures/two-stacks-app.ts', outdir, env: { AHDS_FIXTURE_FAILURE: failure ?? '' } });

const stackFile = (outdir: string, stack: string): string => path.join(outdir, 'stacks', stack, 'cdk.tf.json');

/**
 * A failed `cdktf synth` must not leave a stale cdk.tf.json for the stack that failed: a pipeline that ignores the
 * exit code and runs `terraform plan` in that folder would otherwise plan the previous configuration. The CLI itself
 * keeps the previous run's files when the app fails (it cleans up only after a successful synth); the library
 * removes the failing stack's file when it rejects that stack's input.
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

  test('invalid input (the library throws while the app is built): exits non-zero with our message and removes the stale file', () => {
    const { status, output } = synthFixture(outdir, 'constructor');
    expect(status).not.toBe(0);
    expect(output).toContain('[records/Health/Patients] FhirService name "patients_fhir" is invalid');
    expect(fs.existsSync(stackFile(outdir, 'records'))).toBe(false);
  });

  test('an error annotation at synth (how synth-time checks report under the CLI): exits non-zero, and the file is this run\'s, not the old one', () => {
    const before = fs.statSync(stackFile(outdir, 'records')).mtimeMs;
    const { status, output } = synthFixture(outdir, 'annotation');
    expect(status).not.toBe(0);
    expect(output).toContain('records is not allowed here (fixture)');
    // cdktf synth continues on error annotations (CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS) to print them itself:
    // it writes the stack again, so what is there describes the current code.
    const file = stackFile(outdir, 'records');
    expect(!fs.existsSync(file) || fs.statSync(file).mtimeMs > before).toBe(true);
  });
});
