import rehypeKatex from 'rehype-katex'
import remarkMath from 'remark-math'
import type { PluggableList } from 'unified'

/**
 * The one MDX pipeline: Contentlayer compiles published bodies with it and the editor's
 * preview uses it too, so what the owner previews is what visitors get.
 */
export const remarkPlugins: PluggableList = [remarkMath]
export const rehypePlugins: PluggableList = [[rehypeKatex, { output: 'htmlAndMathml', throwOnError: false, strict: 'ignore' }]]
