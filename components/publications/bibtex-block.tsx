import { CopyButton } from '@/components/ui/copy-button'

export function BibtexBlock({ bibtex }: { bibtex: string }) {
  return (
    <div className="bibtex">
      <pre tabIndex={0} aria-label="BibTeX">
        <code>{bibtex}</code>
      </pre>
      <CopyButton text={bibtex} label="Copy BibTeX" />
    </div>
  )
}
