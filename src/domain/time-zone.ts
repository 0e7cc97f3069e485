/**
 * The zone a plan is run in unless it says otherwise, and the default of
 * DEFAULT_TIME_ZONE: users read dates and times in UK time. Stated here only.
 */
export const UK_TIME_ZONE = 'Europe/London';
