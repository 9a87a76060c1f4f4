import { titleHtml } from '@/lib/markup/entry-html'

/** A title with its `$…$` math typeset by KaTeX on the server (`lib/markup/entry-html.ts`), as one string. */
export function TitleText({ title }: { title: string }) {
  return <span dangerouslySetInnerHTML={{ __html: titleHtml(title) }} />
}
