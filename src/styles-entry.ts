// Build entry: emits dist/styles.css from the stylesheet and re-exports the
// package. Kept apart from index.ts so no `.d.ts` ever imports CSS.
import './styles/index.css';
export * from './index.js';
