#!/usr/bin/env node
// Lints affinity-v1.yaml with Redocly CLI (pinned in package-lock.json), quietly, and only when something changed.
//
//   node lint.cjs STAMP_FILE
//
// Skips everything when STAMP_FILE is newer than every file of this folder (node_modules aside). Otherwise installs
// the linter with `npm ci` if node_modules is missing or older than package-lock.json, lints, and touches
// STAMP_FILE on success. npm's and Redocly's chatter (progress, banners, boxes) is shown only when a step fails;
// the lint's problems are always shown, and a failed lint exits non-zero.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const here = __dirname;
const stamp = process.argv[2];
if (!stamp) {
  console.error('usage: node lint.cjs STAMP_FILE');
  process.exit(2);
}

function newestInput(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestInput(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: here,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    env: { ...process.env, NO_COLOR: '1', NO_UPDATE_NOTIFIER: '1' },
  });
  if (result.error) {
    console.error(`${command}: ${result.error.message}`);
    process.exit(1);
  }
  return result;
}

function failIfFailed(what, result) {
  if (result.status !== 0) {
    const box = /[╔║╚]/; // Redocly's notices, not the failure
    process.stdout.write(result.stdout.split('\n').filter((line) => !box.test(line)).join('\n'));
    process.stderr.write(result.stderr.split('\n').filter((line) => !box.test(line)).join('\n'));
    console.error(`${what} failed (exit code ${result.status})`);
    process.exit(result.status || 1);
  }
}

if (mtime(stamp) >= newestInput(here)) {
  process.exit(0);
}

if (mtime(path.join(here, 'node_modules', '.package-lock.json')) < mtime(path.join(here, 'package-lock.json'))) {
  failIfFailed('npm ci', run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']));
}

const redocly = path.join(here, 'node_modules', '.bin', 'redocly');
const lint = run(redocly, ['lint', '--format=stylish', 'affinity-v1.yaml']);
failIfFailed('Redocly lint of spec/affinity-v1.yaml', lint);
// success: keep what names a problem (warnings), drop the boxes, progress lines and cheers
const chatter = /^\s*$|[╔║╚═]|^validating |: validated in |^Woohoo!/;
const kept = (lint.stdout + lint.stderr).split('\n').filter((line) => !chatter.test(line));
if (kept.length > 0) {
  console.log(kept.join('\n'));
}
fs.mkdirSync(path.dirname(stamp), { recursive: true });
fs.writeFileSync(stamp, new Date().toISOString() + '\n');
