import { loadConfig } from '../../src/config';
import { problemsOf } from '../support/config-env';

/** Settings that parse but would start a broken bot are refused at start, in the one list of problems. */
describe('DEFAULT_TIME_ZONE', () => {
  test.each(['Europe/London', 'America/New_York', 'UTC', 'Europe/Dublin'])('%s is accepted', (zone) => {
    expect(loadConfig({ DEFAULT_TIME_ZONE: zone }).defaultTimeZone).toBe(zone);
  });

  test.each(['Mars/Olympus', 'Europe/Atlantis', 'London', 'Europe/Londres'])('%s is refused', (zone) => {
    expect(problemsOf({ DEFAULT_TIME_ZONE: zone })).toEqual([
      `DEFAULT_TIME_ZONE: "${zone}" is not a time zone I know; use an IANA name such as Europe/London.`,
    ]);
  });
});

describe('REMIND_SCHEDULE and DIGEST_SCHEDULE', () => {
  test.each(['0 9 * * 1', '30 8 * * MON', '0 9 * * 1-5'])('%s is accepted', (cron) => {
    expect(loadConfig({ REMIND_SCHEDULE: cron, DIGEST_SCHEDULE: cron }).jobs.remindSchedule).toBe(cron);
  });

  test.each(['every monday', '0 25 * * 1', '61 9 * * 1', '0 9 * * 8'])(
    '%j is refused, with an example that works',
    (cron) => {
      const problems = problemsOf({ REMIND_SCHEDULE: cron, DIGEST_SCHEDULE: cron });
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(
        new RegExp(
          `^REMIND_SCHEDULE: "${cron.replace(/\*/g, '\\*')}" is not a schedule I can use .*"0 9 \\* \\* 1" is Mondays at 09:00\\.$`,
        ),
      );
      expect(problems[1]).toMatch(/^DIGEST_SCHEDULE: /);
    },
  );
});

describe('STORAGE_CONNECTION_STRING', () => {
  const KEY = 'c2VjcmV0';
  test.each([
    `DefaultEndpointsProtocol=https;AccountName=actiontracker;AccountKey=${KEY};EndpointSuffix=core.windows.net`,
    `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${KEY};TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;`,
    'UseDevelopmentStorage=true',
  ])('%s has the shape of a connection string', (connectionString) => {
    expect(
      problemsOf({ STORAGE_CONNECTION_STRING: connectionString, ALLOW_UNAUTHENTICATED_WITH_AZURE: 'yes' }),
    ).toEqual([]);
  });

  test.each([
    ['garbage', 'garbage'],
    ['a bare URL', 'https://actiontracker.table.core.windows.net'],
    ['no endpoint', `AccountName=actiontracker;AccountKey=${KEY}`],
    [
      'a key that is not base64',
      'DefaultEndpointsProtocol=https;AccountName=actiontracker;AccountKey=not a key!;EndpointSuffix=core.windows.net',
    ],
  ])('%s is refused without repeating it', (_, connectionString) => {
    const problems = problemsOf({ STORAGE_CONNECTION_STRING: connectionString });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^STORAGE_CONNECTION_STRING is not a storage connection string: expected DefaultEndpointsProtocol=https;AccountName=…/,
    );
    expect(problems[0]).not.toContain(connectionString);
  });
});

test('every bad setting is named in one list', () => {
  expect(
    problemsOf({
      DEFAULT_TIME_ZONE: 'Mars/Olympus',
      REMIND_SCHEDULE: 'sometimes',
      DIGEST_SCHEDULE: '0 9 * *',
      STORAGE_CONNECTION_STRING: 'garbage',
    }),
  ).toEqual([
    expect.stringMatching(/^DEFAULT_TIME_ZONE:/),
    expect.stringMatching(/^REMIND_SCHEDULE:/),
    expect.stringMatching(/^DIGEST_SCHEDULE:/),
    expect.stringMatching(/^STORAGE_CONNECTION_STRING is not/),
  ]);
});
