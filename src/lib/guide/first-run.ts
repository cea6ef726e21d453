/**
 * The guided first run follows the lesson's loop: examples instead of hand-written rules, a
 * network trained on them, its score read beside the rules', then the network tried live.
 * Which step a student is on is read from what they have (recordings, models, a live answer),
 * not from where they clicked, so the guide stays right whichever way they got there.
 */
export const guideSteps = ['examples', 'train', 'compare', 'live'] as const;
export type GuideStep = (typeof guideSteps)[number];

/** The page where each step is done (a route id of the shell). */
export const guideStepPage = { examples: 'data', train: 'train', compare: 'train', live: 'live' } as const satisfies Record<GuideStep, string>;

/** What the app knows about a student's progress. */
export interface GuideFacts {
  /** Labels that have at least one recording: training needs two. */
  labelsRecorded: number;
  /** Models stored on this device. */
  models: number;
  /** The student said they have read the results beside the rules. */
  compared: boolean;
  /** A live session has given at least one answer. */
  classifiedLive: boolean;
}

/** The steps done, each on its own facts (a student may have brought a model from elsewhere). */
export function stepsDone(facts: GuideFacts): Record<GuideStep, boolean> {
  return {
    examples: facts.labelsRecorded >= 2,
    train: facts.models > 0,
    compare: facts.compared,
    live: facts.classifiedLive,
  };
}

/**
 * The step to do now: the first one not done, in the loop's order (a later step done early
 * does not skip an earlier one), or 'finished' once all are.
 *
 * @example
 * currentStep({ labelsRecorded: 4, models: 0, compared: false, classifiedLive: false }) // 'train'
 */
export function currentStep(facts: GuideFacts): GuideStep | 'finished' {
  const done = stepsDone(facts);
  return guideSteps.find((step) => !done[step]) ?? 'finished';
}
