import { LessonClient } from '../lib/lesson/lesson-client';

/** The one lesson worker both Learn pages share, started on their first run. */
export const lessonClient = new LessonClient();
