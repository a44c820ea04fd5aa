#!/usr/bin/env node
// `inboxkit-mock --flavour waply|whatsapp`: the mock REST API server. See `--help`.
// Imports the package by its own name, so it follows package.json's exports wherever dist puts the file.
import { runCli } from 'inboxkit/mock-server';

process.exitCode = await runCli(process.argv.slice(2));
