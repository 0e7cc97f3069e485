#!/usr/bin/env node
'use strict';
/**
 * Azurite's Table service, saving its database to disk after every change
 * before it answers, instead of every 5 seconds. Without this, a change the
 * bot confirmed in chat is lost if the process is killed (kill -9, a crash,
 * a power cut of a laptop) within those 5 seconds.
 *
 * Azurite (3.x) keeps tables in LokiJS with a fixed 5 s autosave and has no
 * option to change it, so this wraps the store's write methods. LokiJS writes
 * to a temporary file and renames it, so a kill during a save leaves the
 * previous save whole, and it queues saves asked for while one is running.
 *
 * Arguments are Azurite's own (see azurite/dist/src/table/main.js).
 */
const path = require('node:path');

const root = path.dirname(require.resolve('azurite/package.json'));
const Store = require(path.join(root, 'dist', 'src', 'table', 'persistence', 'LokiTableMetadataStore.js')).default;

/** Each write method, and where its batch id is (a change inside a batch is saved once, when the batch ends). */
const WRITES = {
  createTable: -1,
  deleteTable: -1,
  setTableACL: -1,
  setServiceProperties: -1,
  insertTableEntity: 4,
  insertOrUpdateTableEntity: 5,
  insertOrMergeTableEntity: 5,
  updateTableEntity: 5,
  mergeTableEntity: 5,
  deleteTableEntity: 6,
};

for (const [name, batchIdAt] of Object.entries(WRITES)) {
  const original = Store.prototype[name];
  if (typeof original !== 'function')
    throw new Error(`This Azurite has no ${name}: update bin/azurite-table-durable.js.`);
  Store.prototype[name] = async function saveAfter(...args) {
    const result = await original.apply(this, args);
    if (batchIdAt < 0 || !args[batchIdAt]) await this.saveDBState();
    return result;
  };
}

const endBatch = Store.prototype.endBatchTransaction;
Store.prototype.endBatchTransaction = async function saveAfterBatch(account, table, batchId, context, succeeded) {
  await endBatch.call(this, account, table, batchId, context, succeeded);
  if (succeeded) await this.saveDBState();
};

require(path.join(root, 'dist', 'src', 'table', 'main.js'));
