/*
 * sqlda-compat.h: the Informix-compatible SQLDA layout (-C INFORMIX).
 */
#ifndef ECPG_SQLDA_COMPAT_H
#define ECPG_SQLDA_COMPAT_H

struct sqlvar_compat {
  short sqltype;       /* ECPGt_* */
  int sqllen;          /* bytes */
  char *sqldata;
  short *sqlind;
  char *sqlname;
  char *sqlformat;     /* unused */
  short sqlitype;      /* indicator type */
  short sqlilen;       /* indicator bytes */
  char *sqlidata;      /* indicator data */
  int sqlxid;
  char *sqltypename;
  short sqltypelen;
  short sqlownerlen;
  short sqlsourcetype;
  char *sqlownername;
  int sqlsourceid;
  char *sqlilongdata;
  int sqlflags;
  void *sqlreserved;
};

struct sqlda_compat {
  short sqld;
  struct sqlvar_compat *sqlvar;
  char desc_name[19];
  short desc_occ;
  struct sqlda_compat *desc_next; /* next row's SQLDA */
  void *reserved;
};

#endif /* ECPG_SQLDA_COMPAT_H */
