import type { DiagramCompliance, DiagramEdgeKind, DiagramNodeKind } from './graph';

/** Fill and stroke per compliance state (and for resources the check did not look at, or when it did not run). */
export const COMPLIANCE_COLORS: { readonly [state in DiagramCompliance | 'none']: { readonly fill: string; readonly stroke: string } } = {
  error: { fill: '#ffebee', stroke: '#c62828' },
  warning: { fill: '#fff8e1', stroke: '#ef8f00' },
  unknown: { fill: '#f3f3f3', stroke: '#757575' },
  accepted: { fill: '#e3f2fd', stroke: '#1565c0' },
  pass: { fill: '#e8f5e9', stroke: '#2e7d32' },
  none: { fill: '#ffffff', stroke: '#546e7a' },
};

export const COMPLIANCE_LEGEND: ReadonlyArray<[DiagramCompliance, string]> = [
  ['error', 'fails an error-level rule'],
  ['warning', 'fails a warning-level rule'],
  ['unknown', 'not decidable at synth (a value only Terraform knows)'],
  ['accepted', 'a finding accepted with a suppression'],
  ['pass', 'passes every rule that applies'],
];

export const EDGE_COLORS: { readonly [kind in DiagramEdgeKind]: string } = {
  data: '#1565c0',
  network: '#6a1b9a',
  dns: '#8e24aa',
  diagnostics: '#00838f',
  grant: '#ad1457',
  storage: '#5d4037',
};

export const KIND_LABELS: { readonly [kind in DiagramNodeKind]: string } = {
  workspace: 'workspace',
  fhir: 'FHIR service',
  dicom: 'DICOM service',
  medtech: 'MedTech service',
  privateEndpoint: 'private endpoint',
  subnet: 'subnet',
  dnsZone: 'private DNS zone',
  eventHub: 'Event Hubs',
  logs: 'Log Analytics',
  storage: 'storage account',
  principal: 'principal',
  resource: 'resource',
};
