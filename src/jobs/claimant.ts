import { randomBytes } from 'node:crypto';
import os from 'node:os';

/** Names this process in the delivery ledger, so one run's claims can be told from another's. */
export const claimantId = () => `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
