/**
 * A coaching file for each test: SQLite's engine loaded once, a fresh temporary folder (removed
 * after the test) with the file's path in it, and a manual clock at `now`. Read the fields
 * inside the tests: they change from test to test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { loadSqlJsEngine } from '../../../src/main/node/sqljs-engine';
import { ManualClock } from './manual-clock';

export interface CoachingFolder {
  engine: SqlJsStatic;
  dir: string;
  file: string;
  clock: ManualClock;
}

export function useCoachingFolder(prefix: string, now: number): CoachingFolder {
  const folder = { dir: '', file: '', clock: new ManualClock(now) } as CoachingFolder;
  beforeAll(async () => {
    folder.engine = await loadSqlJsEngine();
  });
  beforeEach(() => {
    folder.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    folder.file = path.join(folder.dir, 'coaching.sqlite');
    folder.clock = new ManualClock(now);
  });
  afterEach(() => fs.rmSync(folder.dir, { recursive: true, force: true }));
  return folder;
}
