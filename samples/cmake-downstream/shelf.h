/* shelf.h: what main.c/main.cpp call in shelf.pgc. */
#ifndef SHELF_H
#define SHELF_H

#ifdef __cplusplus
extern "C" {
#endif

/* Connects, fills a temporary table and prints it; 0 on success. */
int shelf_run(void);

#ifdef __cplusplus
}
#endif

#endif
