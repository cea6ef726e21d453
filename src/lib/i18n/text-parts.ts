/**
 * The text a page loads with its code rather than every visit's first load: one area's
 * catalog part in each language, each its own small chunk (precached, so it loads offline too).
 * The first load carries only the shell's, the Record page's and the guide's text (messages.en.ts);
 * src/views/pages.ts says which parts each page needs, and a test there checks that every key a
 * page's code can show is in the first load or in one of its parts.
 */
export const textParts = {
  data: part(
    async () => (await import('./data.en')).dataEn,
    async () => (await import('./data.es')).dataEs,
  ),
  dataList: part(
    async () => (await import('./data-list.en')).dataListEn,
    async () => (await import('./data-list.es')).dataListEs,
  ),
  formats: part(
    async () => (await import('./formats.en')).formatsEn,
    async () => (await import('./formats.es')).formatsEs,
  ),
  train: part(
    async () => (await import('./train.en')).trainEn,
    async () => (await import('./train.es')).trainEs,
  ),
  results: part(
    async () => (await import('./results.en')).resultsEn,
    async () => (await import('./results.es')).resultsEs,
  ),
  calibrate: part(
    async () => (await import('./calibrate.en')).calibrateEn,
    async () => (await import('./calibrate.es')).calibrateEs,
  ),
  unknown: part(
    async () => (await import('./unknown.en')).unknownEn,
    async () => (await import('./unknown.es')).unknownEs,
  ),
  computeErrors: part(
    async () => (await import('./compute-errors.en')).computeErrorsEn,
    async () => (await import('./compute-errors.es')).computeErrorsEs,
  ),
  deploy: part(
    async () => (await import('./deploy.en')).deployEn,
    async () => (await import('./deploy.es')).deployEs,
  ),
  live: part(
    async () => (await import('./live.en')).liveEn,
    async () => (await import('./live.es')).liveEs,
  ),
  learn: part(
    async () => (await import('./learn.en')).learnEn,
    async () => (await import('./learn.es')).learnEs,
  ),
};

export type TextPart = keyof typeof textParts;

/** The keys of one part's text. */
type KeysOf<P extends TextPart> = keyof Awaited<ReturnType<(typeof textParts)[P]['en']>>;
/** The keys of every part's text: with the first load's, every key there is. */
export type PartKey = { [P in TextPart]: KeysOf<P> }[TextPart];

/** The parts' names, for whatever needs all the text at once (the command line, the tests). */
export const allTextParts = Object.keys(textParts) as TextPart[];

type Loader<K extends string> = () => Promise<Readonly<Record<K, string>>>;

/** One part's loaders, one per language: the Spanish has exactly the English keys (the type checker holds it to it). */
function part<K extends string>(en: Loader<K>, es: Loader<NoInfer<K>>): { en: Loader<K>; es: Loader<K> } {
  return { en, es };
}
