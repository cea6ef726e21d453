import { LessonClient } from '../lib/compute/lesson-client';

/** The one lesson worker both Learn pages share, started on their first run. */
export const lessonClient = new LessonClient();
