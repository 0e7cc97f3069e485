import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PEOPLE } from '../../src/services/demo-seed';
import { BOT_ID, EXECUTIVE_CHANNEL, OTHER_TENANT, TEAM, TENANT } from './builders';

/**
 * Activities Teams sends, as Microsoft documents them (test/fixtures/teams-activities/*.json, each
 * naming its source). The documents' ids are replaced by `$NAME` placeholders, filled in here with
 * the harness's own, so that the same person, chat, channel and team run through every file.
 */
export interface TeamsActivityFixture {
  name: string;
  source: string;
  notes: string;
  expect: {
    /** Words the bot's reply must contain (a regular expression), 'any' for some reply, null for none. */
    reply: string | null;
    /** Words no reply may contain. */
    replyNot?: string;
    /** An invoke the bot does not answer may get botbuilder's 501 (see test/faults/fuzz-activities.test.ts). */
    invoke?: boolean;
  };
  activity: Record<string, unknown>;
}

const DIR = path.join(__dirname, '..', 'fixtures', 'teams-activities');

/** Another channel of the harness's team. */
export const OTHER_CHANNEL = '19:finance@thread.tacv2';
/** A meeting's chat, with the id shape and meeting id of Microsoft's example. */
export const MEETING_CHAT = '19:meeting_NTk4ZDY4ZmYtOWEzZS00OTRkLThhY2EtZmUzZmUzMDQyM2M0@thread.v2';
export const GROUP_CHAT = '19:board@thread.v2';

const [ALEX, MEGAN] = DEMO_PEOPLE;
const PLACEHOLDERS: Record<string, string> = {
  TENANT,
  OTHER_TENANT,
  BOT: BOT_ID,
  USER: ALEX.teamsUserId,
  USER_AAD: ALEX.aadObjectId,
  USER_NAME: ALEX.name,
  OTHER_USER: MEGAN.teamsUserId,
  OTHER_USER_NAME: MEGAN.name,
  PERSONAL: `a:personal-${ALEX.teamsUserId}`,
  CHANNEL: EXECUTIVE_CHANNEL,
  OTHER_CHANNEL,
  TEAM,
  GROUP_CHAT,
  MEETING_CHAT,
  MEETING_ID: 'MCMxOTptZWV0aW5nX05UazRaRFk0Wm1ZdE9XRXpaUzAwT1RSa0xUaGhZMkV0Wm1VelptVXpNRFF5TTJNMEB0aHJlYWQudjIjMA==',
};

export function teamsFixtureNames(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

let sent = 0;

/** One fixture with the harness's ids filled in, and an activity id no other activity in the run has. */
export function teamsFixture(name: string, serviceUrl: string): TeamsActivityFixture {
  const raw = readFileSync(path.join(DIR, `${name}.json`), 'utf8').replace(/\$([A-Z_]+)/g, (token, key: string) => {
    if (key === 'SERVICE_URL') return serviceUrl;
    const value = PLACEHOLDERS[key];
    if (value === undefined) throw new Error(`${name}.json: unknown placeholder ${token}`);
    return value;
  });
  const fixture = JSON.parse(raw) as Omit<TeamsActivityFixture, 'name'>;
  return { ...fixture, name, activity: { ...fixture.activity, id: `${name}-${++sent}` } };
}
