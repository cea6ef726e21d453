import { formatNumber, translate, type Locale } from '../i18n/i18n';
import type { NetworkKindName, TrainingSettings } from '../model/record';
import { defaultFeatureGroups, featureGroups, type FeatureConfig, type FeatureGroup } from '../signal/features';

/*
 * The setups a model search (search.ts) compares, and how each is named and trained: free of
 * TensorFlow.js, so the Train page can show them without loading it.
 */

export const defaultSearchBudgetS = 60;
export const defaultSearchFolds = 3;

/** One way to train: which network, on what inputs, with how many made-up placements. */
export interface Setup {
  network: NetworkKindName;
  windowS: number;
  /** The dense net's feature groups, in row order; empty for the CNN, which reads the window's x, y, z and |a|. */
  groups: FeatureGroup[];
  /** Made-up placements per training recording (0: none). */
  augment: number;
}

/**
 * The candidates, cheapest and likeliest first, built around the page's own settings: as set,
 * a window twice as long, every feature group, one made-up placement each, then the 1-D CNN
 * (far slower to train) without and with a placement. A budget that runs out drops the last.
 *
 * @example
 * candidateSetups(defaultFeatureConfig)[0] // { network: 'dense', windowS: 2, groups: ['spectrum', 'vertical', 'rhythm'], augment: 0 }
 */
export function candidateSetups(base: FeatureConfig): Setup[] {
  const chosen = featureGroups.filter((group) => base.input === 'features' && base.groups.includes(group));
  const groups = chosen.length > 0 ? chosen : featureGroups.filter((group) => defaultFeatureGroups.includes(group));
  const setups: Setup[] = [
    { network: 'dense', windowS: base.windowS, groups, augment: 0 },
    { network: 'dense', windowS: Math.min(2 * base.windowS, 10), groups, augment: 0 },
    { network: 'dense', windowS: base.windowS, groups: [...featureGroups], augment: 0 },
    { network: 'dense', windowS: base.windowS, groups, augment: 1 },
    { network: 'cnn', windowS: base.windowS, groups: [], augment: 0 },
    { network: 'cnn', windowS: base.windowS, groups: [], augment: 1 },
  ];
  return setups.filter((setup, i) => setups.findIndex((other) => sameSetup(other, setup)) === i);
}

function sameSetup(a: Setup, b: Setup): boolean {
  return a.network === b.network && a.windowS === b.windowS && a.augment === b.augment && a.groups.join() === b.groups.join();
}

/** What training reads for a setup: the base's rate and stride and the base's training settings, with the setup's own. */
export function setupSettings(setup: Setup, features: FeatureConfig, training: TrainingSettings): { features: FeatureConfig; training: TrainingSettings } {
  return {
    features: { ...features, windowS: setup.windowS, input: setup.network === 'cnn' ? 'channels' : 'features', groups: [...setup.groups] },
    training: { ...training, hidden: [...training.hidden], network: setup.network, augment: setup.augment },
  };
}

/**
 * A setup in words, in `locale`: the table's rows, the kept model's name, the command line.
 *
 * @example
 * describeSetup({ network: 'dense', windowS: 4, groups: ['spectrum', 'vertical'], augment: 0 }, 'en') // 'dense net · 4 s · spectrum, vertical'
 */
export function describeSetup(setup: Setup, locale: Locale): string {
  const window = formatNumber(locale, setup.windowS, Number.isInteger(setup.windowS) ? 0 : 1);
  const base =
    setup.network === 'cnn'
      ? translate(locale, 'train.search.setup.cnn', { window })
      : translate(locale, 'train.search.setup.dense', { window, groups: setup.groups.map((group) => translate(locale, `train.search.group.${group}`)).join(', ') });
  return setup.augment > 0 ? translate(locale, 'train.search.setup.augmented', { setup: base, copies: setup.augment }) : base;
}
