import { measureWholeBook } from './bench/whole-book.js';
console.log(JSON.stringify(await measureWholeBook(process.argv[2]!, Number(process.argv[3] ?? 2))));
