import { CodedError, messageOf, type ErrorCode } from '../i18n/coded-error';
import type { MessageParams } from '../i18n/i18n';
import { SplitError, type SplitErrorCode, type SplitErrorParams } from '../train/split';

/**
 * Why a run in the compute worker failed, as it crosses to the page: a code and its facts, never
 * prose, so the page words it in the user's language. An error object itself cannot cross (the
 * structured clone keeps only `name` and `message`, and would word it in English for good).
 */
export type CodedFailure =
  | { kind: 'catalog'; code: ErrorCode; facts: MessageParams }
  // A split that cannot be made keeps its own code and facts: split.ts words them itself.
  | { [C in SplitErrorCode]: { kind: 'split'; code: C; facts: SplitErrorParams[C] } }[SplitErrorCode];

/**
 * In the worker: what was thrown, as a failure that can cross to the page. Coded errors keep
 * their code and facts; anything else is `error.compute.failed` with its message as a fact.
 *
 * @example
 * failureOf(new Error('out of memory')) // { kind: 'catalog', code: 'error.compute.failed', facts: { message: 'out of memory' } }
 */
export function failureOf(error: unknown): CodedFailure {
  if (error instanceof CodedError) {
    // A fact worded on its own (a cause, a duration) is a function, which cannot cross: it goes
    // worded in English. None of the worker's errors has one.
    const facts = Object.entries(error.facts).map(([name, fact]) => [name, typeof fact === 'object' ? messageOf(fact) : fact]);
    return { kind: 'catalog', code: error.code, facts: Object.fromEntries(facts) as MessageParams };
  }
  // Cast: TypeScript cannot see that a SplitError's params always match its code.
  if (error instanceof SplitError) return { kind: 'split', code: error.code, facts: error.params } as CodedFailure;
  return { kind: 'catalog', code: 'error.compute.failed', facts: { message: messageOf(error) } };
}

/** On the page: the failure as the error it was in the worker, worded from its code and facts. */
export function errorOf(failure: CodedFailure): CodedError | SplitError {
  return failure.kind === 'catalog' ? new CodedError(failure.code, failure.facts) : new SplitError(failure.code, failure.facts);
}
