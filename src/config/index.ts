export { loadConfig, ConfigError, Environment, type AppConfig, type LogLevel } from './environment.js';
export { ConfigModule, APP_CONFIG } from './config.module.js';
