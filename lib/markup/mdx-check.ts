import { BODY_BUDGET_MS, BODY_MEMORY_MB, runBodyTask, type BodyOutcome } from './body-worker'
import { rememberAbstractHtml } from './abstract-html'
import { bodySizeProblem as sizeProblem } from '../domain/schema'

const OVER_BUDGET: Record<'time' | 'memory', string> = {
  time: `more than ${BODY_BUDGET_MS / 1000} s`,
  memory: `more than ${BODY_MEMORY_MB} MB`,
}

function failure(outcome: Exclude<BodyOutcome, { kind: 'done' }>): string {
  if (outcome.kind === 'over-budget') {
    return `The abstract takes ${OVER_BUDGET[outcome.reason]} to check and render, so every page showing it would too. Long runs of >, *, _, [ or $, and deeply nested lists, quotes or tags cost the most: simplify them.`
  }
  if (outcome.transient)
    return `The abstract could not be checked just now (${outcome.message}); nothing was saved, try again.`
  return `The abstract could not be ${outcome.syntax ? 'read' : 'rendered'}: ${outcome.message}.`
}

/**
 * A body saved from the dashboard may hold markdown, math and plain HTML-like tags only: no
 * import/export, no `{expressions}`, no components, and it must render within the budget (so no
 * page is slowed by it). Returns the reason for refusing, or undefined when the body may be
 * saved; its HTML is then kept for the pages that show it.
 */
export async function checkMdxBody(body: string): Promise<string | undefined> {
  const tooBig = sizeProblem(body)
  if (tooBig) return tooBig
  const outcome = await runBodyTask('admin', 'checkAndRender', body)
  if (outcome.kind !== 'done') return failure(outcome)
  if (outcome.problem) return outcome.problem
  if (outcome.html !== undefined) rememberAbstractHtml(body, outcome.html)
  return undefined
}

/**
 * The same rules for a file written by hand, as Contentlayer reads it. A body that cannot be
 * checked within the budget, or at all (the worker failed), is let through with a warning rather
 * than failing the build: the renderer never runs a body, and shows only the tags it allows.
 */
export async function checkHandWrittenBody(body: string, file: string): Promise<string | undefined> {
  const tooBig = sizeProblem(body)
  if (tooBig) return tooBig
  const outcome = await runBodyTask('admin', 'check', body)
  if (outcome.kind === 'done') return outcome.problem
  if (outcome.kind === 'over-budget') {
    console.warn(
      `${file}: the abstract takes ${OVER_BUDGET[outcome.reason]} to check; its page shows it as plain text.`,
    )
    return undefined
  }
  // The worker failed, not the body: dropping the paper from the site for that would be worse.
  if (outcome.transient) {
    console.warn(
      `${file}: the abstract could not be checked (${outcome.message}); the renderer still shows only what it allows.`,
    )
    return undefined
  }
  return failure(outcome)
}
