import katex from 'katex'
import { splitMath } from '@/lib/markup/math'

/**
 * A title with its `$…$` math typeset by KaTeX (on the server, like abstracts); plain text stays
 * text. KaTeX escapes what it renders and, untrusted by default, allows no links or HTML.
 */
export function TitleText({ title }: { title: string }) {
  const segments = splitMath(title)
  if (!segments.some((segment) => segment.math)) return title
  return segments.map((segment, index) =>
    segment.math ? (
      <span
        key={index}
        dangerouslySetInnerHTML={{
          __html: katex.renderToString(segment.tex, { throwOnError: false, output: 'htmlAndMathml' }),
        }}
      />
    ) : (
      segment.text
    ),
  )
}
