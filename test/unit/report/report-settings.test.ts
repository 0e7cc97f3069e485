import { describeConfig, loadConfig } from '../../../src/config';
import { reportRequest } from '../../../src/domain/report/report-request';
import { PRODUCTION_MSI, problemsOf } from '../../support/config-env';

describe('REPORT_LINK_SECRET', () => {
  const { REPORT_LINK_SECRET: secret, ...withoutSecret } = PRODUCTION_MSI;

  test('is required for the bot in production', () => {
    expect(problemsOf(withoutSecret)).toEqual([expect.stringMatching(/^REPORT_LINK_SECRET is required in production/)]);
  });

  test('is not needed by the command line, which makes no links', () => {
    expect(loadConfig(withoutSecret, { serving: false }).reportLinkSecret).toBeNull();
  });

  test('must be at least 32 characters', () => {
    expect(problemsOf({ ...PRODUCTION_MSI, REPORT_LINK_SECRET: 'short' })).toEqual([
      expect.stringMatching(/^REPORT_LINK_SECRET: must be at least 32 characters/),
    ]);
  });

  test('is read, and never shown in the description logged at start', () => {
    const config = loadConfig(PRODUCTION_MSI);
    expect(config.reportLinkSecret).toBe(secret);
    expect(JSON.stringify(describeConfig(config))).not.toContain(secret);
  });

  test('is optional locally (the server makes a random one)', () => {
    expect(loadConfig({}).reportLinkSecret).toBeNull();
  });
});

describe('asking for the committee report in chat', () => {
  test.each([
    ['report', null],
    ['Report', null],
    ['committee report', null],
    ['highlight report please', null],
    ['report please', null],
    ['the committee report', null],
    ['report ofsted-2011', 'ofsted-2011'],
    ['report for ofsted-2011', 'ofsted-2011'],
    ['report on the plan ofsted-2011', 'ofsted-2011'],
    ['send me the committee report for ofsted-2011', 'ofsted-2011'],
    ['can I have the report?', null],
  ])('%j asks for it (plan %p)', (text, planId) => {
    expect(reportRequest(text)).toEqual({ planId });
  });

  test.each([
    'report SG-4 done',
    'reports are late',
    'the report was late',
    'I will report back',
    'report it to the chair',
    'SG-4 report',
  ])('%j does not', (text) => {
    expect(reportRequest(text)).toBeNull();
  });
});
