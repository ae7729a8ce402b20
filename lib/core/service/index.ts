export { ServiceFoundation } from './service-foundation';
export type { HealthDataServiceOptions, HealthDataServiceProps } from './service-foundation';
