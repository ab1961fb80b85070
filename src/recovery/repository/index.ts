export { Repository } from './repository';
export type * from './types';
