export { ProblemTypesModule } from './problem-types.module.js';
