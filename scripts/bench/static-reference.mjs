// The reference for the serving figures: the same HTML from a plain static server, nginx when
// installed, else scripts/bench/static-server.mjs. Both answer /x with <root>/x.html.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../../lib/content/contentlayer/paths.mjs'
import { freePort, startProcess } from './processes.mjs'
import { serverChildEnv, toolEnv } from '../../lib/env.mjs'

function findNginx() {
  for (const dir of [...toolEnv().PATH, '/usr/sbin', '/usr/local/sbin']) {
    const file = path.join(dir, 'nginx')
    if (dir && fs.existsSync(file)) return file
  }
  return undefined
}

/**
 * Serves `root` on a free port of 127.0.0.1; `work` holds nginx's files, `logs` its logs.
 * @param {string} root
 * @param {{ work: string, logs: string }} folders
 */
export async function startStaticServer(root, { work, logs }) {
  const port = await freePort()
  const nginx = findNginx()
  let server
  if (nginx) {
    const prefix = path.join(work, 'nginx')
    fs.mkdirSync(prefix, { recursive: true })
    const conf = path.join(prefix, 'nginx.conf')
    fs.writeFileSync(
      conf,
      `worker_processes auto;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${logs}/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { try_files $uri.html =404; }
  }
}
`,
    )
    server = startProcess(nginx, ['-p', prefix, '-c', conf], {
      cwd: work,
      env: serverChildEnv({}),
      logFile: path.join(logs, 'nginx.log'),
    })
  } else {
    server = startProcess(
      process.execPath,
      [path.join(projectRoot, 'scripts', 'bench', 'static-server.mjs'), root, String(port)],
      { cwd: work, env: serverChildEnv({}), logFile: path.join(logs, 'static.log') },
    )
  }
  // nginx prints its version on stderr.
  const kind = nginx
    ? spawnSync(nginx, ['-v'], { encoding: 'utf8' })
        .stderr.trim()
        .replace(/^nginx version: /, '') || 'nginx'
    : 'node static server'
  return { origin: `http://127.0.0.1:${port}`, kind, server }
}
