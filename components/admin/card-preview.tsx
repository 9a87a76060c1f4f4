'use client'

import { useEffect, useState } from 'react'
import { valuesToFrontmatter, type EditorValues } from '@/lib/admin/editor-form'
import { routes } from '@/lib/domain/routes.mjs'

/** The paper's social card as it would be shared, from the form's current (unsaved) values. */
export function CardPreview({ values }: { values: EditorValues }) {
  const frontmatter = valuesToFrontmatter(values)
  const data = JSON.stringify({
    title: typeof frontmatter.title === 'string' ? frontmatter.title : '',
    authors: values.authors
      .filter((author) => author.name.trim())
      .map(({ name, equalContribution, corresponding }) => ({ name: name.trim(), equalContribution, corresponding })),
    ...(typeof frontmatter.venue === 'string' ? { venue: frontmatter.venue } : {}),
    ...(typeof frontmatter.venueShort === 'string' ? { venueShort: frontmatter.venueShort } : {}),
    ...(typeof frontmatter.year === 'number' ? { year: frontmatter.year } : {}),
    ...(typeof frontmatter.thumbnail === 'string' ? { thumbnail: frontmatter.thumbnail } : {}),
  })
  const [src, setSrc] = useState<string | null>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading')

  useEffect(() => {
    // Wait for a pause in typing before asking for a new image.
    const timer = setTimeout(() => {
      setState('loading')
      setSrc(routes.cardPreview(data))
    }, 500)
    return () => clearTimeout(timer)
  }, [data])

  return (
    <figure className="card-preview" aria-busy={state === 'loading'}>
      {src ? (
        // A generated PNG from our own route: next/image would add nothing here.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={src}
          alt="Social card preview"
          width={600}
          height={315}
          onLoad={() => setState('ready')}
          onError={() => setState('error')}
        />
      ) : null}
      <figcaption className="hint">
        {state === 'error'
          ? 'The preview could not be made. Check the title and authors.'
          : 'What a link to this paper shows on Bluesky, X, LinkedIn, Slack or Mastodon.'}
      </figcaption>
    </figure>
  )
}
