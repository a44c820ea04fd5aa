import { fileURLToPath } from 'node:url';

// This folder is the app's root (the repository around it has a lockfile of its own).
const root = fileURLToPath(new URL('.', import.meta.url));

/** @type {import('next').NextConfig} */
const config = { turbopack: { root }, outputFileTracingRoot: root };

export default config;
