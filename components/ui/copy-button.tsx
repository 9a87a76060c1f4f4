'use client'

import { useEffect, useState } from 'react'
import { useHydrated } from './use-hydrated'

type State = 'idle' | 'copied' | 'failed'

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<State>('idle')
  const hydrated = useHydrated()

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }

  return (
    <button type="button" className="button button-small copy-button" onClick={copy} disabled={!hydrated}>
      {label}
      <span role="status" className="copy-status">
        {state === 'copied' ? ' — copied' : state === 'failed' ? ' — select the text and copy it by hand' : ''}
      </span>
    </button>
  )
}
