/*
 * sqlda-native.h: ECPG's native SQLDA layout. The runtime allocates an
 * sqlda_struct with sqld sqlvar entries in one block (free() releases it).
 */
#ifndef ECPG_SQLDA_NATIVE_H
#define ECPG_SQLDA_NATIVE_H

/* Longest identifier plus its terminating NUL, as the server's NAMEDATALEN. */
#define NAMEDATALEN 64

struct sqlname {
  short length;
  char data[NAMEDATALEN];
};

struct sqlvar_struct {
  short sqltype; /* ECPGt_* */
  short sqllen;
  char *sqldata;
  short *sqlind;
  struct sqlname sqlname;
};

struct sqlda_struct {
  char sqldaid[8];
  long sqldabc;
  short sqln;
  short sqld;
  struct sqlda_struct *desc_next; /* next row's SQLDA */
  struct sqlvar_struct sqlvar[1];
};

#endif /* ECPG_SQLDA_NATIVE_H */
