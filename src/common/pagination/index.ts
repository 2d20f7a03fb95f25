export { encodeCursor, decodeCursor, IsCursor, type CursorKey } from './cursor.js';
export { PageQuery, PAGE_DEFAULT, PAGE_MAX, type Page } from './page-query.dto.js';
