// The API's version: bumped with the package, shown in the spec and the SDK.
export const API_VERSION = '0.1.0';
