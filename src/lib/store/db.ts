import { openDB } from 'idb';
import { migrations as currentMigrations, type Migration, type MotionDb, type MotionDbSchema } from './schema';

export const DB_NAME = 'motion-lab';

/**
 * Opens the app's database, upgrading it through every migration it has not had yet. When a
 * newer version of the app opens it in another tab, this connection is in the way of its upgrade:
 * `blocking` runs, and must close the connection once its running work is saved (by default at
 * once), so an update is never stuck behind a forgotten tab.
 */
export async function openMotionDb(
  name = DB_NAME,
  migrations: readonly Migration[] = currentMigrations,
  blocking: (db: MotionDb) => void = (db) => db.close(),
): Promise<MotionDb> {
  const db = await openDB<MotionDbSchema>(name, migrations.length, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      for (let version = oldVersion; version < migrations.length; version += 1) {
        migrations[version]?.(database, transaction);
      }
    },
    blocking() {
      blocking(db);
    },
  });
  return db;
}
