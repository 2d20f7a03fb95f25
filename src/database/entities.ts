// Every entity of every context, in one list, so the app, the migration CLI and tests agree.
// Contexts add theirs here through their index.ts.
export const ALL_ENTITIES: Array<new (...args: never[]) => object> = [];
