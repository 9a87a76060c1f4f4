'use client'

import { usePathname } from 'next/navigation'
import type { ReactNode } from 'react'

/**
 * Its children on every page but `path`. For the layout's summaries of what a page shows in
 * full: a layout is not told which page it wraps.
 */
export function ExceptOn({ path, children }: { path: string; children: ReactNode }) {
  return usePathname() === path ? null : children
}
