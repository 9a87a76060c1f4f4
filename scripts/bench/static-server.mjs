#!/usr/bin/env node
// The reference for serving figures when nginx is not installed: a minimal static server that
// answers `/x` with `<root>/x.html`, read once into memory. Usage: static-server.mjs ROOT PORT
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

const [root, port] = process.argv.slice(2)
if (!root || !port) throw new Error('usage: static-server.mjs ROOT PORT')

const files = new Map()
for (const entry of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
  const file = path.join(root, entry)
  if (entry.endsWith('.html') && fs.statSync(file).isFile())
    files.set(`/${entry.slice(0, -'.html'.length)}`, fs.readFileSync(file))
}

http
  .createServer((request, response) => {
    const body = files.get(new URL(request.url ?? '/', 'http://localhost').pathname)
    if (!body) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length })
    response.end(body)
  })
  .listen(Number(port), '127.0.0.1')
