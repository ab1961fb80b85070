/** Data shapes that cross the contract, one file per domain. */
export * from './core';
export * from './k8s';
export * from './docker';
export * from './audit';
export * from './prometheus';
export * from './alerts';
export * from './routing';
export * from './notifications';
export * from './slo';
export * from './insights';
export * from './recommendations';
export * from './cost';
export * from './recovery';
export * from './costAllocation';
export * from './readiness';
export * from './overview';
export * from './runbooks';
