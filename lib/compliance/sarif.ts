import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TerraformStack } from '../core/platform/cdktf';
import { IConstruct } from 'constructs';
import { creationSiteOf, defaultSourceRoot, relativeToRoot, siteOfTrace, SourceSite } from '../core/synthesis/creation-site';
import type { ComplianceFinding, ComplianceReport } from './report';
import { REPORT_FILE } from './report';
import { ComplianceLevel, ComplianceResult, ComplianceRuleInfo } from './rule';
import { suppressionFor } from './suppressions';

/** The SARIF file's name, next to the JSON and CSV reports. */
export const SARIF_FILE = `${REPORT_FILE}.sarif`;
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The base id source paths are relative to, as CodeQL writes it. */
const SOURCE_ROOT_ID = '%SRCROOT%';
const TOOL_NAME = 'cdktf-azure-health-data-services';
const FINGERPRINT = 'healthDataFinding/v1';

/** How the SARIF log is written. */
export interface SarifOptions {
  /** The folder source paths are relative to. @default - see `defaultSourceRoot` */
  readonly sourceRoot?: string;
}

// The subset of SARIF 2.1.0 this file writes (the test validates it against the official schema).
interface SarifMessage {
  readonly text: string;
  readonly markdown?: string;
}
interface SarifLocation {
  readonly physicalLocation?: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
    readonly region?: { readonly startLine: number; readonly startColumn?: number };
  };
  readonly logicalLocations?: ReadonlyArray<{ readonly name?: string; readonly fullyQualifiedName: string; readonly kind: string }>;
  readonly message?: SarifMessage;
}
interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly kind: 'fail' | 'review';
  readonly level: 'error' | 'warning' | 'note' | 'none';
  readonly message: SarifMessage;
  readonly locations: SarifLocation[];
  readonly partialFingerprints: { readonly [name: string]: string };
  readonly suppressions?: ReadonlyArray<{
    readonly kind: 'inSource';
    readonly status: 'accepted';
    readonly justification: string;
    readonly location?: SarifLocation;
  }>;
  readonly properties: { readonly [name: string]: unknown };
}
/** A SARIF 2.1.0 log of one stack's compliance findings. */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: ReadonlyArray<{
    readonly tool: {
      readonly driver: {
        readonly name: string;
        readonly version?: string;
        readonly informationUri?: string;
        readonly rules: ReadonlyArray<{ readonly [name: string]: unknown }>;
      };
    };
    readonly automationDetails: { readonly id: string };
    readonly originalUriBaseIds: { readonly [id: string]: { readonly uri: string } };
    readonly invocations: ReadonlyArray<{
      readonly executionSuccessful: boolean;
      readonly toolExecutionNotifications: ReadonlyArray<{ readonly [name: string]: unknown }>;
    }>;
    readonly results: SarifResult[];
    readonly columnKind: 'utf16CodeUnits';
    readonly properties: { readonly [name: string]: unknown };
  }>;
}

/**
 * The compliance findings of a stack as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers. It holds
 * the findings to act on or to know of: non-compliant ones (the rule's level; suppressed ones carry a SARIF
 * suppression with the reason, status `accepted`) and unknown ones (level `note`, kind `review`). Compliant and
 * not-applicable findings stay in the JSON and CSV reports: GitHub turns every SARIF result into an alert, whatever
 * its `kind`. Each result points at the user's line that created the construct (when known), and names the
 * construct path and the Terraform address as logical locations.
 */
export function buildSarif(report: ComplianceReport, stack: TerraformStack, options: SarifOptions = {}): SarifLog {
  const root = path.resolve(options.sourceRoot ?? defaultSourceRoot());
  const constructs = new Map<string, IConstruct>(stack.node.findAll().map((node) => [node.node.path, node]));
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const fallback = fallbackSite();
  const results: SarifResult[] = [];
  for (const finding of report.findings) {
    if (finding.result !== ComplianceResult.NON_COMPLIANT && finding.result !== ComplianceResult.UNKNOWN) continue;
    const construct = constructs.get(finding.constructPath);
    const site = (construct && creationSiteOf(construct)) ?? fallback;
    const suppression = finding.suppressed && construct ? suppressionFor(construct, finding.ruleId) : undefined;
    const suppressionSite = suppression?.trace ? siteOfTrace(suppression.trace) : undefined;
    const nonCompliant = finding.result === ComplianceResult.NON_COMPLIANT;
    results.push({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      kind: nonCompliant ? 'fail' : 'review',
      level: nonCompliant ? finding.level : 'note',
      message: { text: `${finding.reason}. (${finding.constructPath}, ${finding.resourceAddress})` },
      locations: [location(finding, site, root, site === fallback)],
      partialFingerprints: { [FINGERPRINT]: fingerprint(report.stack, finding) },
      ...(finding.suppressed
        ? {
            suppressions: [
              {
                kind: 'inSource' as const,
                status: 'accepted' as const,
                justification: finding.suppressionReason ?? '',
                ...(suppressionSite
                  ? {
                      location: { ...physical(suppressionSite, root), message: { text: `HealthDataCompliance.suppress on ${finding.suppressedAt}` } },
                    }
                  : {}),
              },
            ],
          }
        : {}),
      properties: {
        stack: report.stack,
        constructPath: finding.constructPath,
        resourceAddress: finding.resourceAddress,
        resourceType: finding.resourceType,
        result: finding.result,
        ...(finding.suppressedAt ? { suppressedAt: finding.suppressedAt } : {}),
      },
    });
  }
  const faults = report.findings.filter((finding) => finding.error !== undefined);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, ...versionOf(), rules: report.rules.map(reportingDescriptor) } },
        automationDetails: { id: `${REPORT_FILE}/${report.stack}/` },
        originalUriBaseIds: { [SOURCE_ROOT_ID]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: faults.map((finding) => {
              const construct = constructs.get(finding.constructPath);
              const site = construct && creationSiteOf(construct);
              return {
                level: 'warning',
                message: { text: `Rule ${finding.ruleId} could not check ${finding.constructPath}: ${finding.error}` },
                associatedRule: { id: finding.ruleId, index: ruleIndex.get(finding.ruleId) ?? -1 },
                locations: [location(finding, site, root, false)],
              };
            }),
          },
        ],
        results,
        columnKind: 'utf16CodeUnits',
        properties: { summary: report.summary, reportFormat: report.format },
      },
    ],
  };
}

/** Writes `health-data-compliance.sarif` into a stack's output directory. */
export function writeSarif(directory: string, report: ComplianceReport, stack: TerraformStack, options: SarifOptions = {}): void {
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, SARIF_FILE), `${JSON.stringify(buildSarif(report, stack, options), null, 2)}\n`);
}

function location(finding: ComplianceFinding, site: SourceSite | undefined, root: string, approximate: boolean): SarifLocation {
  return {
    ...(site ? physical(site, root) : {}),
    logicalLocations: [
      { name: finding.constructPath.split('/').pop(), fullyQualifiedName: finding.constructPath, kind: 'construct' },
      { fullyQualifiedName: finding.resourceAddress, kind: 'resource' },
    ],
    ...(approximate && site ? { message: { text: `The app's entry point: where ${finding.constructPath} was created is not known.` } } : {}),
  };
}

function physical(site: SourceSite, root: string): Pick<SarifLocation, 'physicalLocation'> {
  const relative = relativeToRoot(site.file, root);
  return {
    physicalLocation: {
      artifactLocation: relative !== undefined ? { uri: encodeURI(relative), uriBaseId: SOURCE_ROOT_ID } : { uri: pathToFileURL(site.file).href },
      region: { startLine: site.line, startColumn: site.column },
    },
  };
}

/**
 * Where a result points when the construct's creation is unknown (e.g. a raw provider resource): the app's entry
 * file, line 1. GitHub code scanning rejects a log with a result that has no physical location.
 */
function fallbackSite(): SourceSite | undefined {
  const main = require.main?.filename ?? process.argv[1];
  if (!main || !path.isAbsolute(main) || main.split(path.sep).includes('node_modules') || !fs.existsSync(main)) return undefined;
  return { file: main, line: 1, column: 1 };
}

function reportingDescriptor(rule: ComplianceRuleInfo): { readonly [name: string]: unknown } {
  const policies = rule.azurePolicy.map((id) => ({
    id,
    url: `https://portal.azure.com/#view/Microsoft_Azure_Policy/PolicyDetailBlade/definitionId/%2Fproviders%2FMicrosoft.Authorization%2FpolicyDefinitions%2F${id}`,
  }));
  const controls = rule.hipaa.map((control) => ({ control, url: `https://www.ecfr.gov/current/title-45/section-${control.split('(')[0]}` }));
  const text = [
    rule.description,
    `Fix: ${rule.fix}`,
    policies.length > 0 ? `Azure Policy: ${policies.map((policy) => policy.id).join(', ')}.` : 'Azure Policy: no built-in definition.',
    controls.length > 0 ? `HIPAA Security Rule (45 CFR): ${controls.map((entry) => entry.control).join(', ')}.` : '',
    `Accept the risk for a construct with HealthDataCompliance.suppress(construct, '${rule.id}', '<reason>').`,
  ].filter(Boolean);
  const markdown = [
    rule.description,
    '',
    `**Fix:** ${rule.fix}`,
    '',
    `**Azure Policy:** ${policies.length > 0 ? policies.map((policy) => `[${policy.id}](${policy.url})`).join(', ') : 'no built-in definition'}`,
    '',
    ...(controls.length > 0
      ? [`**HIPAA Security Rule (45 CFR):** ${controls.map((entry) => `[${entry.control}](${entry.url})`).join(', ')}`, '']
      : []),
    `Accept the risk for a construct (and everything under it) with \`HealthDataCompliance.suppress(construct, '${rule.id}', '<reason>')\`: the finding stays in the report with the reason.`,
  ];
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} Applies to ${rule.appliesTo.join(', ')}.` },
    help: { text: text.join(' '), markdown: markdown.join('\n') },
    defaultConfiguration: { level: rule.level === ComplianceLevel.ERROR ? 'error' : 'warning' },
    properties: {
      tags: ['security', 'compliance', 'hipaa', 'azure-health-data-services'],
      precision: 'very-high',
      // GitHub's severity scale for security alerts: 7.0-8.9 high, 4.0-6.9 medium.
      'security-severity': rule.level === ComplianceLevel.ERROR ? '7.5' : '5.0',
      appliesTo: [...rule.appliesTo],
      azurePolicy: [...rule.azurePolicy],
      hipaa: [...rule.hipaa],
    },
  };
}

/** Stable across runs and line moves: the stack, the rule and the construct path and address (construct ids are API). */
function fingerprint(stack: string, finding: ComplianceFinding): string {
  return createHash('sha256')
    .update([stack, finding.ruleId, finding.constructPath, finding.resourceAddress].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

function pascalCase(id: string): string {
  return id
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1).toLowerCase())
    .join('');
}

let driverFacts: { version?: string; informationUri?: string } | undefined;

/**
 * The library's version and home page (`homepage`, for SARIF's `informationUri`), from its package.json (two folders
 * up from lib/compliance and dist/compliance).
 */
function versionOf(): { version?: string; informationUri?: string } {
  if (driverFacts === undefined) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown; homepage?: unknown };
      driverFacts = {
        ...(typeof pkg.version === 'string' ? { version: pkg.version } : {}),
        ...(typeof pkg.homepage === 'string' && /^https:\/\//.test(pkg.homepage) ? { informationUri: pkg.homepage } : {}),
      };
    } catch {
      driverFacts = {};
    }
  }
  return driverFacts;
}
