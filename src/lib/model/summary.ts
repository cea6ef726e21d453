import type { Locale } from '../i18n/i18n';
import type { StoredModel } from './record';

/** What a list of models shows of one: its name, and how it did unless its record is damaged. */
export interface ModelSummary {
  name: string;
  /** Undefined when the record lacks what the summary reads: the list says it is damaged. */
  scores?: { testAccuracy: number; baselineAccuracy: number; labels: string[] };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const accuracyOf = (split: unknown) => (isObject(split) && typeof split.accuracy === 'number' ? split.accuracy : undefined);

/**
 * A stored model's summary, read defensively: model files are checked whole before they are
 * stored, but one stored by an older version was not (`metrics: {"test":{"accuracy":0.9}}` once
 * made every visit to the Train page throw, and the model could not be deleted from the UI). Never
 * throws, so a damaged model is still listed by name, and can be deleted.
 *
 * @example
 * const { name, scores } = modelSummary(model);
 * scores ? `${scores.testAccuracy}` : 'damaged: delete it';
 */
export function modelSummary(model: StoredModel): ModelSummary {
  const stored: unknown = model;
  const record = isObject(stored) ? stored : {};
  const name = typeof record.name === 'string' ? record.name : String(record.id);
  const metrics = isObject(record.metrics) ? record.metrics : {};
  const labels = isObject(record.preprocessing) ? record.preprocessing.labels : undefined;
  const testAccuracy = accuracyOf(metrics.test);
  const baselineAccuracy = accuracyOf(metrics.baseline);
  if (testAccuracy === undefined || baselineAccuracy === undefined || !Array.isArray(labels) || !labels.every((label) => typeof label === 'string')) return { name };
  return { name, scores: { testAccuracy, baselineAccuracy, labels } };
}

/**
 * How a list names a model: its name and when it was trained, the date written in the language
 * the list is shown in (a model trained in English shows a Spanish date to a Spanish reader), so
 * the date is never part of the stored name. The date is short, so that the title fits a phone's
 * select. Never throws, as modelSummary.
 *
 * @example
 * modelTitle(model, 'es') // 'caminar, correr · 3/12/26, 15:47'
 */
export function modelTitle(model: StoredModel, locale: Locale): string {
  const { name } = modelSummary(model);
  const createdAt: unknown = (model as Partial<StoredModel> | null)?.createdAt;
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return name;
  return `${name} · ${new Date(createdAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}`;
}
