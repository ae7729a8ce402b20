/**
 * Test helpers for users' own test suites: jest matchers built on cdktf's `Testing`. Import this entry point
 * (`cdktf-azure-health-data-services/testing`) from a jest setup file; the package root never loads it, so apps never
 * load anything of jest's.
 *
 * ```ts
 * // jest.setup.ts (setupFilesAfterEnv)
 * import { setupHealthDataMatchers } from 'cdktf-azure-health-data-services/testing';
 * setupHealthDataMatchers();
 *
 * // a test
 * expect(stack).toPassHealthDataCompliance();
 * expect(fhir).toBeInWorkspaceRegion(workspace);
 * ```
 */
import { HealthDataValidationError } from '../core/validation';
import type { IWorkspace } from '../workspace';
import { HealthDataComplianceMatcherOptions, toPassHealthDataCompliance } from './compliance-matcher';
import { toBeInWorkspaceRegion } from './region-matcher';

export type { HealthDataComplianceMatcherOptions } from './compliance-matcher';
export type { MatcherResult } from './matcher-result';

/** The matchers, for `expect.extend(healthDataMatchers)`. */
export const healthDataMatchers = { toPassHealthDataCompliance, toBeInWorkspaceRegion };

/** Registers the matchers with jest's global `expect` (call it in a `setupFilesAfterEnv` file). */
export function setupHealthDataMatchers(): void {
  const expect = (globalThis as { expect?: { extend?: (matchers: object) => void } }).expect;
  if (typeof expect?.extend !== 'function') {
    throw new HealthDataValidationError([
      "[setupHealthDataMatchers] jest's global expect is invalid: not found. Call setupHealthDataMatchers() in a jest setupFilesAfterEnv file, or pass healthDataMatchers to expect.extend yourself.",
    ]);
  }
  expect.extend(healthDataMatchers);
}

declare global {
  // jest's own declaration style for custom matchers (the same type parameters as @types/jest).
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type -- must match the signature of jest's own declaration to merge with it
    interface Matchers<R, T = {}> {
      /**
       * The stack passes the compliance check: no unsuppressed non-compliant finding of an error-level rule (with
       * `{ allowWarnings: false }`, of a warning-level rule either, nor a rule that failed). Uses the stack's own
       * `HealthDataCompliance` aspect when it has one (its `additionalRules` included), else the pack.
       */
      toPassHealthDataCompliance(options?: HealthDataComplianceMatcherOptions): R;
      /** The service (FHIR, DICOM or MedTech) is synthesized in the region of `workspace`. */
      toBeInWorkspaceRegion(workspace: IWorkspace): R;
    }
  }
}
