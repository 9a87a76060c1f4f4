import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False while the server renders and while React hydrates what it sent, true once the component
 * runs in the browser. A control that needs JavaScript (copy, the theme switch) is disabled until
 * then: public pages fetch their scripts after the first paint, and a click before would be lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
