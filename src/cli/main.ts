#!/usr/bin/env node
// First, so that telemetry instruments what the imports below load.
import { telemetry } from '../telemetry/preload';
import { runCli } from './program';

void runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr, env: process.env }).then(
  async (code) => {
    await telemetry.stop();
    process.exitCode = code;
  },
);
