/** The rule pack and what runs it, loaded by `HealthDataCompliance` on first use (apps without the check never load it). */
export { HEALTH_DATA_RULE_PACK } from './rules';
export { checkStack, infoOf } from './stack-check';
export { writeReport } from './report';
export { writeSarif } from './sarif';
export { AppModel } from './model/app-model';
