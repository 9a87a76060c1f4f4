import rehypeKatex from 'rehype-katex'
import remarkMath from 'remark-math'
import type { PluggableList } from 'unified'

/**
 * The math plugins of the one body renderer (`lib/abstract-html.ts`): the public pages and the
 * editor's preview use it, so what the owner previews is what visitors get.
 */
export const remarkPlugins: PluggableList = [remarkMath]
export const rehypePlugins: PluggableList = [[rehypeKatex, { output: 'htmlAndMathml', throwOnError: false, strict: 'ignore' }]]
