import { openDB } from 'idb';
import { migrations as currentMigrations, type Migration, type MotionDb, type MotionDbSchema } from './schema';

export const DB_NAME = 'motion-lab';

/**
 * Opens the app's database, upgrading it through every migration it has not had yet. Another
 * tab holding an older version is asked to close its connection (see `blocking`), so an update
 * is never stuck behind a forgotten tab.
 */
export async function openMotionDb(name = DB_NAME, migrations: readonly Migration[] = currentMigrations): Promise<MotionDb> {
  const db = await openDB<MotionDbSchema>(name, migrations.length, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      for (let version = oldVersion; version < migrations.length; version += 1) {
        migrations[version]?.(database, transaction);
      }
    },
    blocking() {
      db.close();
    },
  });
  return db;
}
