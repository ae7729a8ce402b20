/**
 * Between normalization and FHIR: measurements grouped per device, type, patient, encounter and correlation id,
 * with one measurement kept per time (the latest ingested, `MeasurementFhirImportService.ParseEventData`), then
 * split into Observation groups by the FHIR template's `periodInterval` (`MeasurementObservationGroupFactory`).
 * The whole list given counts as one batch; the service's batches (300 messages or about 5 minutes) are not modelled.
 */
import { DotNetDateTime, formatIdSegment, TICKS_PER_DAY, TICKS_PER_HOUR } from './dotnet-datetime';
import { ServiceError } from './service-error';

export interface TimedMeasurement {
  readonly index: number;
  readonly type: string;
  readonly time: DotNetDateTime;
  /** Ticks; undefined when the measurement has no ingestion time (then the list order counts). */
  readonly ingestion?: bigint;
  readonly deviceId: string;
  readonly patientId?: string;
  readonly encounterId?: string;
  readonly correlationId?: string;
  readonly properties: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

export interface MeasurementGroup {
  readonly type: string;
  readonly deviceId: string;
  readonly patientId?: string;
  readonly encounterId?: string;
  readonly correlationId?: string;
  readonly data: readonly TimedMeasurement[];
}

export interface ObservationGroup {
  /** The measurement type (the device template's typeName, as written there). */
  readonly name: string;
  readonly start: DotNetDateTime;
  readonly end: DotNetDateTime;
  readonly idSegment: string;
  /** Per property name, values sorted by time; a second value at the same time is dropped. */
  readonly values: ReadonlyMap<string, ReadonlyArray<{ readonly time: bigint; readonly value: string }>>;
  readonly measurementIndexes: readonly number[];
}

export function groupMeasurements(measurements: readonly TimedMeasurement[]): MeasurementGroup[] {
  const groups = new Map<string, TimedMeasurement[]>();
  for (const measurement of measurements) {
    const key = [
      measurement.deviceId,
      measurement.type,
      measurement.patientId ?? '',
      measurement.encounterId ?? '',
      measurement.correlationId ?? '',
    ].join('-');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [measurement]);
    else group.push(measurement);
  }
  return [...groups.values()].map((all) => {
    const byTime = new Map<bigint, TimedMeasurement>();
    for (const measurement of all) {
      const kept = byTime.get(measurement.time.ticks);
      if (kept === undefined || ingestedLater(measurement, kept)) byTime.set(measurement.time.ticks, measurement);
    }
    const data = [...byTime.values()];
    const first = data[0];
    return {
      type: first.type,
      deviceId: first.deviceId,
      patientId: first.patientId,
      encounterId: first.encounterId,
      correlationId: first.correlationId,
      data,
    };
  });
}

/** Later ingestion wins; without ingestion times, the later in the list. */
function ingestedLater(candidate: TimedMeasurement, kept: TimedMeasurement): boolean {
  if (candidate.ingestion !== undefined && kept.ingestion !== undefined && candidate.ingestion !== kept.ingestion)
    return candidate.ingestion > kept.ingestion;
  return candidate.index > kept.index;
}

export function observationGroups(group: MeasurementGroup, periodInterval: number, periodIntervalPath: string): ObservationGroup[] {
  if (periodInterval === -1) return [correlationGroup(group)];
  const boundary = BOUNDARIES[periodInterval];
  if (boundary === undefined) {
    throw new ServiceError('NotSupportedException', `ObservationPeriodInterval ${periodInterval} is not supported.`, periodIntervalPath);
  }
  const byStart = new Map<bigint, { start: bigint; end: bigint; data: TimedMeasurement[] }>();
  for (const measurement of group.data) {
    const [start, end] = boundary(measurement.time.ticks);
    const entry = byStart.get(start);
    if (entry === undefined) byStart.set(start, { start, end, data: [measurement] });
    else entry.data.push(measurement);
  }
  return [...byStart.values()].map(({ start, end, data }) => {
    const startTime: DotNetDateTime = { ticks: start, kind: 'Utc' };
    const endTime: DotNetDateTime = { ticks: end, kind: 'Utc' };
    return build(group.type, startTime, endTime, `${formatIdSegment(startTime)}.${formatIdSegment(endTime)}`, data);
  });
}

const BOUNDARIES: Readonly<Record<number, (ticks: bigint) => [bigint, bigint]>> = {
  0: (ticks) => [ticks, ticks],
  60: (ticks) => {
    const start = ticks - (ticks % TICKS_PER_HOUR);
    return [start, start + TICKS_PER_HOUR - 1n];
  },
  1440: (ticks) => {
    const start = ticks - (ticks % TICKS_PER_DAY);
    return [start, start + TICKS_PER_DAY - 1n];
  },
};

function correlationGroup(group: MeasurementGroup): ObservationGroup {
  if (group.correlationId === undefined || group.correlationId.trim() === '') {
    throw new ServiceError(
      'CorrelationIdNotDefinedException',
      `periodInterval -1 groups Observations by correlation id, but the "${group.type}" measurements of device "${group.deviceId}" have none. ` +
        'Set correlationIdExpression in the device template or use another periodInterval.',
      'measurements',
    );
  }
  const ticks = group.data.map((measurement) => measurement.time.ticks);
  const start = ticks.reduce((a, b) => (b < a ? b : a));
  const end = ticks.reduce((a, b) => (b > a ? b : a));
  return build(group.type, { ticks: start, kind: 'Utc' }, { ticks: end, kind: 'Utc' }, group.correlationId, group.data);
}

function build(name: string, start: DotNetDateTime, end: DotNetDateTime, idSegment: string, data: readonly TimedMeasurement[]): ObservationGroup {
  const values = new Map<string, Array<{ time: bigint; value: string }>>();
  const seen = new Map<string, Set<bigint>>();
  for (const measurement of data) {
    for (const property of measurement.properties) {
      const series = values.get(property.name) ?? [];
      const times = seen.get(property.name) ?? new Set<bigint>();
      // SortedSet with a comparer on time only: the first value at a time stays.
      if (!times.has(measurement.time.ticks)) {
        times.add(measurement.time.ticks);
        series.push({ time: measurement.time.ticks, value: property.value });
      }
      values.set(property.name, series);
      seen.set(property.name, times);
    }
  }
  for (const series of values.values()) series.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return { name, start, end, idSegment, values, measurementIndexes: data.map((measurement) => measurement.index) };
}
