/** The database URL resolved at boot (the embedded server's when DATABASE_URL is unset). */
export const DATABASE_URL = Symbol('DATABASE_URL');
