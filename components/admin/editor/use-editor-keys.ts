'use client'

import { useEffect, useEffectEvent, useRef, type FormEvent, type KeyboardEvent } from 'react'

/** Inputs that are buttons (or open a picker): Enter on them does what a click does. */
const BUTTON_INPUTS = new Set(['button', 'submit', 'reset', 'image', 'file'])

/**
 * The keyboard of an editing form. Enter in a one-line field does nothing: browsers submit a form
 * on it ("implicit submission"), which here would save and commit a half-typed value. Enter in a
 * text area still breaks the line, and on a button still presses it. Ctrl+S (⌘S on a Mac) saves
 * from anywhere on the page instead of saving the page itself. `save` is what the Save button
 * runs; it runs once at a time, so a second press while a save is on its way does nothing.
 *
 * Written here rather than with a shortcut library: it is one key, and what matters is how it
 * meets the form (the same save, the same guard against a double one).
 *
 * Returns the form's `onSubmit` and `onKeyDown`.
 */
export function useEditorKeys(save: () => Promise<unknown>) {
  const saving = useRef(false)

  function saveOnce() {
    if (saving.current) return
    saving.current = true
    void save().finally(() => {
      saving.current = false
    })
  }

  const onShortcut = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (!isSaveShortcut(event)) return
    event.preventDefault()
    saveOnce()
  })

  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => onShortcut(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  return {
    onSubmit(event: FormEvent<HTMLFormElement>) {
      event.preventDefault()
      saveOnce()
    },
    onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
      // While an input method composes a word, Enter picks the word: that keystroke is not ours.
      if (event.key !== 'Enter' || event.nativeEvent.isComposing) return
      const target = event.target
      if (target instanceof HTMLInputElement && !BUTTON_INPUTS.has(target.type)) event.preventDefault()
    },
  }
}

/**
 * Ctrl+S or ⌘S, read from the character typed, as browsers read their own shortcuts; on a layout
 * without Latin letters (Cyrillic, Greek…) the browser falls back to the key's place, and so do we.
 */
function isSaveShortcut(event: globalThis.KeyboardEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return false
  const key = event.key.toLowerCase()
  return key === 's' || (!/^[a-z]$/.test(key) && event.code === 'KeyS')
}
