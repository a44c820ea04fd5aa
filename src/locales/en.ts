/** English: the library's own default strings (not a second copy) and date-fns's en-US. */
export { defaultMessages as messages } from '../hooks/messages.js';
export { enUS as dateLocale } from 'date-fns/locale/en-US';
