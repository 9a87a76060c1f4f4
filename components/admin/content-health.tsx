import Link from 'next/link'
import { cache, type ReactNode } from 'react'
import { getVersion } from '@/lib/content'
import { routes } from '@/lib/domain/routes.mjs'
import { plural } from '@/lib/domain/format'
import { contentHealth, type ContentProblem, type FileLeftOut, type Serving } from '@/lib/store'
import { DateTime } from './date-time'
import { ExceptOn } from './except-on'

/**
 * The dashboard's word on the content folder: files the site cannot read as they are (edited by
 * hand) and a failed background regeneration, each with what the public site serves meanwhile.
 * Every dashboard page shows a summary (the layout); the list shows the details.
 */

// Once per request: the layout's summary and the list's details read the folder once.
const readHealth = cache(() => contentHealth(getVersion))

const SERVING: Record<Serving, string> = {
  'earlier-version':
    'The site shows the last valid version of this paper until it next reads the files (a save or a restart), then leaves the paper out.',
  nothing: 'The site leaves this paper out.',
  'earlier-settings':
    'The site keeps the settings it last read, and every re-reading of the content fails until this is fixed.',
}

/** The summary for every dashboard page but the list, which shows the details in its place. */
export async function ContentHealthSummary() {
  const { problems, regeneration } = await readHealth()
  if (!problems.length && !regeneration) return null
  return (
    <ExceptOn path={routes.admin}>
      <section className="banner banner-warning health-summary" aria-label="Content problems">
        <p>
          {problems.length ? (
            <>
              {plural(problems.length, 'file')} the site cannot read:{' '}
              {problems.map((problem, index) => (
                <span key={problem.file}>
                  {index ? ', ' : null}
                  <code>{problem.file}</code>
                  {problem.field ? ` (${problem.field})` : null}
                </span>
              ))}
              .{' '}
            </>
          ) : null}
          {regeneration ? (
            <>
              The site could not re-read the content at <DateTime value={regeneration.at} />.{' '}
            </>
          ) : null}
          It serves what it last read meanwhile. <Link href={routes.admin}>See the details on the list</Link>
        </p>
      </section>
    </ExceptOn>
  )
}

/** The details, on the list: each file with what is wrong, and the files not on the site yet. */
export async function ContentHealthDetails() {
  const { problems, regeneration, pending } = await readHealth()
  return (
    <>
      {problems.length || regeneration ? (
        <section className="banner banner-warning" aria-labelledby="content-problems">
          <h2 id="content-problems" className="banner-heading">
            The site cannot read all of the content
          </h2>
          <ul className="health-list">
            {problems.map((problem) => (
              <li key={problem.file}>
                <ProblemText problem={problem} />
              </li>
            ))}
            {regeneration ? (
              <li>
                The site could not re-read the content at <DateTime value={regeneration.at} />:{' '}
                <span className="health-message">{sentence(regeneration.message)}</span> It serves what it last read,
                plus the saves made since.
              </li>
            ) : null}
          </ul>
          {problems.length ? <p>Fix the files by hand; this list follows what they hold.</p> : null}
        </section>
      ) : null}
      {pending.length ? (
        <section className="banner banner-note" aria-label="Files not on the site yet">
          <p>These files were written outside the dashboard and are not on the public site as they are yet:</p>
          <FileList files={pending} />
        </section>
      ) : null}
    </>
  )
}

function ProblemText({ problem }: { problem: ContentProblem }): ReactNode {
  return (
    <>
      <code>{problem.file}</code>: <span className="health-message">{sentence(problem.message)}</span>{' '}
      {SERVING[problem.serving]}
    </>
  )
}

/** The parsers' messages end with a full stop or not; the banner's sentences always do. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`)

function FileList({ files }: { files: FileLeftOut[] }) {
  return (
    <ul>
      {files.map((file) => (
        <li key={file.slug}>
          <code>{file.slug}.mdx</code>: {file.message}
        </li>
      ))}
    </ul>
  )
}
