export { shellQuote, UnquotableValueError, type UnquotableReason } from './shell-quote.js';
