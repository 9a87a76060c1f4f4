import katex from 'katex'

/**
 * A title with its `$…$` math typeset by KaTeX (on the server, like abstracts); plain text stays
 * text. KaTeX escapes what it renders and, untrusted by default, allows no links or HTML.
 */
export function TitleText({ title }: { title: string }) {
  const parts = title.split(/((?<!\\)\$[^$]+\$)/g)
  if (parts.length === 1) return title
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <span
        key={index}
        dangerouslySetInnerHTML={{
          __html: katex.renderToString(part.slice(1, -1), { throwOnError: false, output: 'htmlAndMathml' }),
        }}
      />
    ) : (
      part
    ),
  )
}
