/* EXEC SQL INCLUDE forms: each header declares one host variable. */
EXEC SQL BEGIN DECLARE SECTION;
int from_a;
EXEC SQL END DECLARE SECTION;
