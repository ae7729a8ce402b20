/**
 * One FHIR R4 Observation from one Observation group, as `CodeValueFhirTemplateProcessor` and the R4 value
 * processors build it and `R4FhirImportService.GenerateObservation` completes it (identifier, id, references). The
 * JSON follows the FHIR element order, as the Firely serializer writes it. Merging into an Observation that already
 * exists in the FHIR service is not modelled: every Observation is the one the service would create.
 */
import { formatRoundTrip, TICKS_PER_MILLISECOND } from './dotnet-datetime';
import { parseDecimal } from './dotnet-number';
import { LoadedCategory, LoadedCode, LoadedFhirTemplate, LoadedFhirValue } from './fhir-template-reader';
import { identifierHash, ResolvedIdentity } from './identity-resolution';
import { ObservationGroup } from './observation-grouping';
import { ServiceError } from './service-error';

/** The system of the service's own codings and Observation identifiers (`FhirImportService.ServiceSystem`). */
export const SERVICE_SYSTEM = 'https://azure.microsoft.com/en-us/services/iomt-fhir-connector/';

/** A SampledData stream longer than this is refused (the service would build it; it is rarely what was meant). */
const MAX_SAMPLED_DATA_SLOTS = 1_000_000;

type Json = { [key: string]: unknown };

export function buildObservation(template: LoadedFhirTemplate, group: ObservationGroup, identity: ResolvedIdentity, issued: string): Json {
  const identifierValue = `${identity.patientResourceId}.${identity.deviceResourceId}.${group.name}.${group.idSegment}`;
  const effective = { start: formatRoundTrip(group.start), end: formatRoundTrip(group.end) };
  const data = (value: LoadedFhirValue): ReadonlyArray<{ time: bigint; value: string }> | undefined =>
    value.valueName === undefined ? undefined : group.values.get(value.valueName);

  let value: Json = {};
  if (template.value !== undefined && template.value.valueName !== undefined && template.value.valueName.trim() !== '') {
    const series = data(template.value);
    if (series !== undefined) value = createValue(template.value, series, group);
  }
  const components: Json[] = [];
  for (const component of template.components) {
    if (component.value === undefined) {
      throw new ServiceError(
        'NullReferenceException',
        'Object reference not set to an instance of an object. (This component has no value: give it one, e.g. {"valueType": "Quantity", "valueName": "..."}.)',
        component.path,
      );
    }
    if (component.value.valueName === undefined) {
      throw new ServiceError(
        'ArgumentNullException',
        "Value cannot be null. (Parameter 'key') (The component's value has no valueName.)",
        component.value.path,
      );
    }
    const series = data(component.value);
    if (series !== undefined)
      components.push({ code: resolveCode(component.value.valueName, component.codes), ...createValue(component.value, series, group) });
  }

  return {
    resourceType: 'Observation',
    id: identifierHash(SERVICE_SYSTEM, identifierValue),
    identifier: [{ system: SERVICE_SYSTEM, value: identifierValue }],
    status: 'final',
    ...(template.category.length > 0 ? { category: template.category.map(resolveCategory) } : {}),
    code: resolveCode(group.name, template.codes),
    subject: { reference: `Patient/${identity.patientResourceId}` },
    ...(identity.encounterResourceId !== undefined ? { encounter: { reference: `Encounter/${identity.encounterResourceId}` } } : {}),
    effectivePeriod: effective,
    issued,
    ...value,
    device: { reference: `Device/${identity.deviceResourceId}` },
    ...(components.length > 0 ? { component: components } : {}),
  };
}

function coding(code: LoadedCode): Json {
  return {
    ...(code.system !== undefined ? { system: code.system } : {}),
    ...(code.code !== undefined ? { code: code.code } : {}),
    ...(code.display !== undefined ? { display: code.display } : {}),
  };
}

/** The template's codes plus the service's own coding of the type (or value) name, which is also the text. */
function resolveCode(name: string, codes: readonly LoadedCode[]): Json {
  return { coding: [...codes.map(coding), { system: SERVICE_SYSTEM, code: name, display: name }], text: name };
}

function resolveCategory(category: LoadedCategory): Json {
  return {
    ...(category.codes !== undefined ? { coding: category.codes.map(coding) } : {}),
    ...(category.text !== undefined ? { text: category.text } : {}),
  };
}

function createValue(value: LoadedFhirValue, series: ReadonlyArray<{ time: bigint; value: string }>, group: ObservationGroup): Json {
  switch (value.valueType) {
    case 'Quantity':
      return { valueQuantity: quantity(value, series) };
    case 'String':
      if (series.length > 1)
        throw new ServiceError(
          'InvalidOperationException',
          `Sequence contains more than one element (${series.length} values of "${value.valueName}" in one Observation: a String value takes one; use periodInterval 0).`,
          value.path,
        );
      return { valueString: series[0].value };
    case 'CodeableConcept':
      if (value.codes === undefined)
        throw new ServiceError(
          'NullReferenceException',
          'Object reference not set to an instance of an object. (The CodeableConcept value has no codes.)',
          value.path,
        );
      return { valueCodeableConcept: { coding: value.codes.map(coding), ...(value.text !== undefined ? { text: value.text } : {}) } };
    case 'SampledData':
      return { valueSampledData: sampledData(value, series, group) };
  }
}

/** `QuantityFhirValueProcessor`: exactly one value, parsed as a C# decimal. */
function quantity(value: LoadedFhirValue, series: ReadonlyArray<{ time: bigint; value: string }>): Json {
  let number: number;
  try {
    if (series.length !== 1) throw new Error('not single');
    number = Number(parseDecimal(series[0].value));
  } catch {
    const message = series.length === 1 ? `Error encountered processing value: ${series[0].value}.` : `Expected 1 value. Received ${series.length}.`;
    throw new ServiceError('InvalidQuantityFhirValueException', message, value.path);
  }
  return {
    value: number,
    ...(value.unit !== undefined ? { unit: value.unit } : {}),
    ...(value.system !== undefined ? { system: value.system } : {}),
    ...(value.code !== undefined ? { code: value.code } : {}),
  };
}

/**
 * `SampledDataProcessor.BuildSampledData`: one slot per `defaultPeriod` from the group's start to its end, each the
 * last value whose time falls in it, or `E`.
 */
function sampledData(value: LoadedFhirValue, series: ReadonlyArray<{ time: bigint; value: string }>, group: ObservationGroup): Json {
  if (value.defaultPeriod === undefined) {
    throw new ServiceError(
      'ArgumentNullException',
      "Value cannot be null. (Parameter 'samplePeriod') (The SampledData value has no defaultPeriod.)",
      value.path,
    );
  }
  // DateTime.AddMilliseconds rounds to whole milliseconds.
  const increment = BigInt(Math.round(value.defaultPeriod)) * TICKS_PER_MILLISECOND;
  if (increment <= 0n) {
    throw new ServiceError(
      'ArgumentOutOfRangeException',
      `defaultPeriod ${value.defaultPeriod} does not advance time: the service would never finish building the stream. Use a positive number of milliseconds.`,
      value.path,
    );
  }
  const start = group.start.ticks;
  const end = group.end.ticks;
  if ((end - start) / increment + 1n > BigInt(MAX_SAMPLED_DATA_SLOTS)) {
    throw new ServiceError(
      'EvaluatorLimit',
      `defaultPeriod ${value.defaultPeriod} ms makes more than ${MAX_SAMPLED_DATA_SLOTS} samples in one Observation; the evaluator stops there. Use a longer defaultPeriod or a shorter periodInterval.`,
      value.path,
    );
  }
  const tokens: string[] = [];
  let i = 0;
  for (let current = start, next = start + increment; current <= end; current = next, next += increment) {
    let slot: string | undefined;
    while (i < series.length && series[i].time >= current && series[i].time < next) {
      slot = series[i].value;
      i++;
    }
    tokens.push(slot ?? 'E');
  }
  return {
    origin: { value: 0, ...(value.unit !== undefined ? { unit: value.unit } : {}) },
    period: value.defaultPeriod,
    dimensions: 1,
    data: tokens.join(' '),
  };
}
