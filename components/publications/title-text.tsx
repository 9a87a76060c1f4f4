import { splitMath } from '@/lib/markup/math'
import { titleHtml } from '@/lib/markup/entry-html'

/** A title with its `$…$` math typeset by KaTeX on the server (`lib/markup/entry-html.ts`); a title without math stays text. */
export function TitleText({ title }: { title: string }) {
  if (!splitMath(title).some((segment) => segment.math)) return title
  return <span dangerouslySetInnerHTML={{ __html: titleHtml(title) }} />
}
