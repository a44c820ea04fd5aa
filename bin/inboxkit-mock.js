#!/usr/bin/env node
// `inboxkit-mock --flavour waply|whatsapp`: the mock REST API server. See `--help`.
import { runCli } from '../dist/mock-server.js';

process.exitCode = await runCli(process.argv.slice(2));
