import 'server-only'

/**
 * The one writer of content, and the door the server actions and the admin API use. A write is
 * described as the files it changes (`./changes.ts`) and made by one transaction
 * (`./transaction.ts`): lock → check versions → write → one git commit, or one shared rollback →
 * show the files on the site (lib/content/live) and push. Reads of publications go through
 * lib/content; the store reads only what a write needs, the file history (deleted papers too) and the
 * files the site leaves out.
 */

export {
  deletePublication,
  duplicatePublication,
  restoreDeleted,
  restorePublication,
  saveDrafts,
  savePublication,
  setFlag,
  type AcceptedDraft,
  type RestoredDeleted,
  type SaveInput,
} from './changes'
export { deletedPublication, deletedPublications, type DeletedList, type DeletedPublication } from './deleted'
export { saveUnlessDuplicate, type CheckedSaveInput, type DuplicateWarning, type SavedDuplicate } from './duplicates'
export type { Failure, FieldErrors, StoreResult, Success } from './errors'
export { contentHealth, type ContentHealth, type ContentProblem, type Serving } from './health'
export { lastChanges, publicationHistory, type History } from './history'
export { existingSlugs, filesLeftOut, type FileLeftOut, type StoredPublication } from './read'
export { recoverAfterCrash } from './recover'
export { pushStatus, type PushStatus } from './remote'
export type { Actor } from './transaction'
