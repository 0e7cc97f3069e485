import { startTelemetry } from './telemetry';

/**
 * Imported first by each entry point, so that telemetry (when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set) is running before the HTTP
 * and storage clients it instruments are loaded.
 */
export const telemetry = startTelemetry(process.env.APPLICATIONINSIGHTS_CONNECTION_STRING);
