import * as React from 'react'
import * as ReactDOM from 'react-dom'
import * as jsxRuntime from 'react/jsx-runtime'

type MdxComponent = React.ComponentType<Record<string, never>>

/**
 * Evaluates a body compiled by Contentlayer (mdx-bundler output) into a component. Server-only by
 * use: contentlayer2 ≥ 0.5.5 cannot render MDX in client components. Bodies saved from the
 * dashboard are refused if they hold imports, exports or expressions, so the code is markup only.
 */
const components = new Map<string, MdxComponent>()

function componentFor(code: string): MdxComponent {
  const cached = components.get(code)
  if (cached) return cached
  const scope = { React, ReactDOM, _jsx_runtime: jsxRuntime }
  const evaluate = new Function(...Object.keys(scope), code) as (...args: unknown[]) => { default: MdxComponent }
  const component = evaluate(...Object.values(scope)).default
  // Bound the cache: every edit compiles to new code, and old bodies are never asked for again.
  if (components.size > 5000) components.clear()
  components.set(code, component)
  return component
}

export function MdxContent({ code }: { code: string }) {
  if (!code) return null
  const Component = componentFor(code)
  return <Component />
}
