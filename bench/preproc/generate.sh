#!/usr/bin/env bash
# generate.sh LINES > big.pgc
# Writes a synthetic .pgc of about LINES lines: functions with declare sections,
# host variables of several types, SELECT INTO, DML, cursors and plain C between
# them (roughly 1 embedded statement per 6 lines, like a typical ECPG program).
lines=${1:-200000}
awk -v target="$lines" 'BEGIN {
  print "#include <stdio.h>"
  print "#include <string.h>"
  print "EXEC SQL INCLUDE sqlca;"
  print "EXEC SQL WHENEVER SQLERROR SQLPRINT;"
  n = 4; f = 0
  while (n < target) {
    f++
    printf "static int work_%d(int seed)\n{\n", f
    print "    EXEC SQL BEGIN DECLARE SECTION;"
    print "    int id = seed, qty;"
    print "    short qty_ind;"
    print "    char name[64];"
    print "    VARCHAR note[128];"
    print "    double price;"
    print "    struct { int a; char b[16]; } rec;"
    print "    EXEC SQL END DECLARE SECTION;"
    n += 11
    printf "    EXEC SQL DECLARE cur_%d CURSOR FOR SELECT id, name FROM items WHERE id > :id;\n", f
    printf "    EXEC SQL OPEN cur_%d;\n", f
    n += 2
    for (k = 0; k < 8; k++) {
      print "    /* step " k " of the work: fetch, compute, write back */"
      print "    EXEC SQL SELECT name, qty, price, note INTO :name, :qty:qty_ind, :price, :note FROM items WHERE id = :id AND tag <> '\''x:y'\'';"
      print "    if (qty_ind < 0) qty = 0;"
      print "    price = price * 1.05 + (double)strlen(name);"
      print "    EXEC SQL UPDATE items SET qty = :qty, price = :price WHERE id = :id;"
      print "    EXEC SQL INSERT INTO log (id, what, a, b) VALUES (:id, '\''update'\'', :rec.a, :rec.b);"
      print "    id += seed % 7 + 1;"
      n += 7
    }
    printf "    EXEC SQL FETCH NEXT FROM cur_%d INTO :id, :name;\n", f
    printf "    EXEC SQL CLOSE cur_%d;\n", f
    print "    EXEC SQL COMMIT;"
    print "    return id + qty + (int)price + note.len + rec.a;"
    print "}"
    print ""
    n += 7
  }
  print "int main(void) { return 0; }"
}'
