/* Included with EXEC SQL INCLUDE: declarations are read for host variables. */
EXEC SQL BEGIN DECLARE SECTION;
int included_var;
EXEC SQL END DECLARE SECTION;
EXEC SQL DEFINE FROM_INCLUDE 1;
