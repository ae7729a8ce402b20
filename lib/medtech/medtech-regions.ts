/**
 * Regions where Microsoft still supports MedTech instances until 3 May 2028 (it was deprecated on 3 May 2025 and
 * new deployments elsewhere fail).
 */
export const MEDTECH_REGIONS: readonly string[] = [
  'westus2',
  'uksouth',
  'westeurope',
  'eastus',
  'australiaeast',
  'eastus2',
  'centralindia',
  'northeurope',
];

export const MEDTECH_DEPRECATION =
  'MedTech is deprecated: Microsoft started its retirement on 3 May 2025 and support for existing instances ends on 3 May 2028. ' +
  'Plan a replacement (e.g. Azure IoT Hub / Event Hubs with your own normalization into FHIR) before then.';
