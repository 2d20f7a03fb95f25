/** The role the application acts as; created by the first migration. It owns no table. */
export const APPLICATION_ROLE = 'hovedbok_app';
