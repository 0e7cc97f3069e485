#!/usr/bin/env node
import { runCli } from './program';

runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr, env: process.env }).then((code) => {
  process.exitCode = code;
});
