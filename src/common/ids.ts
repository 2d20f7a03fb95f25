import { v7 as uuidv7 } from 'uuid';

/** A new time-ordered UUID (v7), made by the application so inserts need no database sequence. */
export function newId(): string {
  return uuidv7();
}
