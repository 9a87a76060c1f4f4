import os from 'node:os'
import path from 'node:path'
import { toolEnv } from '../../lib/env.mjs'

/** Where the end-to-end server keeps its temporary, git-initialised copy of `content/`. */
export const E2E_PORT = toolEnv().E2E_PORT
export const E2E_ROOT = path.join(os.tmpdir(), `scholar-cms-e2e-${E2E_PORT}`)
export const E2E_CONTENT_DIR = path.join(E2E_ROOT, 'content')
/** A bare repository the server pushes the content to after each commit (CONTENT_GIT_REMOTE). */
export const E2E_REMOTE = path.join(E2E_ROOT, 'remote.git')
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`

/** The admin the end-to-end server accepts (its bcrypt hash is made by serve.mjs). */
export const E2E_ADMIN = { email: 'owner@example.org', password: 'e2e-correct-horse-battery' }
