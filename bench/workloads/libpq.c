/*
 * The benchmark workloads through libpq, the reference for workloads.pgc.
 * Usage: libpq WORKLOAD N; prints the seconds the timed part took. The
 * connection comes from the environment (PGDATABASE, PGHOST, ...).
 *   select       PQexecPrepared, synchronous, one round trip per row
 *   insert       PQexecPrepared per row in one transaction
 *   bulk_copy    one COPY FROM STDIN per 1000 rows, text format
 *   bulk_copy_binary  one COPY FROM STDIN per 1000 rows, binary format
 *   bulk_pipeline  pipeline mode: PQsendQueryPrepared per row, a sync per 1000
 *   fetch        single-row mode over one SELECT
 *   fetch_array  a cursor read with FETCH 1000
 *   connect      PQconnectdb + PQfinish
 *   select_threads_T  select, split over T threads with a connection each
 *   idle_connections  opens N connections and prints the process's RSS in kB
 * The bulk workloads all insert in batches of 1000 rows inside one transaction,
 * as workloads.pgc's FOR :n does.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include <pthread.h>

#include <libpq-fe.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void expect(PGconn *c, PGresult *r, ExecStatusType status, const char *what)
{
    if (r == NULL || PQresultStatus(r) != status) {
        fprintf(stderr, "%s: %s", what, r ? PQresultErrorMessage(r) : PQerrorMessage(c));
        exit(1);
    }
    PQclear(r);
}

static void run(PGconn *c, const char *sql)
{
    expect(c, PQexec(c, sql), PGRES_COMMAND_OK, sql);
}

static long table_rows(PGconn *c)
{
    PGresult *r = PQexec(c, "select count(*) from bench_t");
    long n;
    if (PQresultStatus(r) != PGRES_TUPLES_OK) { fprintf(stderr, "count: %s", PQerrorMessage(c)); exit(1); }
    n = atol(PQgetvalue(r, 0, 0));
    PQclear(r);
    return n;
}

static double select_loop(PGconn *c, long n, long rows)
{
    long i, sum = 0;
    char id[24], v[32];
    const char *values[1] = {id};
    double t0;
    expect(c, PQprepare(c, "sel", "select v, n from bench_t where id = $1", 0, NULL), PGRES_COMMAND_OK, "prepare");
    t0 = now();
    for (i = 0; i < n; i++) {
        PGresult *r;
        snprintf(id, sizeof id, "%ld", 1 + (i * 7919) % rows);
        r = PQexecPrepared(c, "sel", 1, values, NULL, NULL, 0);
        if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) { fprintf(stderr, "select: %s", PQerrorMessage(c)); exit(1); }
        snprintf(v, sizeof v, "%s", PQgetvalue(r, 0, 0));
        sum += atoi(PQgetvalue(r, 0, 1)) + (long)strlen(v);
        PQclear(r);
    }
    if (sum == 0) fprintf(stderr, "no data\n");
    return now() - t0;
}

static double select_into(PGconn *c, long n)
{
    return select_loop(c, n, table_rows(c));
}

static double insert_loop(PGconn *c, long n)
{
    char id[24], name[32], qty[24];
    const char *values[3] = {id, name, qty};
    long i;
    double t0;
    run(c, "truncate bench_ins");
    expect(c, PQprepare(c, "ins", "insert into bench_ins (id, name, qty) values ($1, $2, $3)", 0, NULL),
           PGRES_COMMAND_OK, "prepare");
    t0 = now();
    run(c, "begin");
    for (i = 0; i < n; i++) {
        snprintf(id, sizeof id, "%ld", i);
        snprintf(name, sizeof name, "name %ld", i);
        snprintf(qty, sizeof qty, "%ld", i % 100);
        expect(c, PQexecPrepared(c, "ins", 3, values, NULL, NULL, 0), PGRES_COMMAND_OK, "insert");
    }
    run(c, "commit");
    return now() - t0;
}

enum { bulk_batch = 1000 };

static void copy_end(PGconn *c)
{
    PGresult *r;
    if (PQputCopyEnd(c, NULL) != 1) { fprintf(stderr, "copy end: %s", PQerrorMessage(c)); exit(1); }
    expect(c, PQgetResult(c), PGRES_COMMAND_OK, "copy result");
    while ((r = PQgetResult(c)) != NULL) PQclear(r);
}

static void put_copy(PGconn *c, const char *data, int len)
{
    if (PQputCopyData(c, data, len) != 1) { fprintf(stderr, "copy data: %s", PQerrorMessage(c)); exit(1); }
}

/* A batch's data for rows [first, last) into buf; returns its length. */
typedef int (*batch_writer)(char *buf, long first, long last);

static int text_rows(char *buf, long first, long last)
{
    int len = 0;
    long i;
    for (i = first; i < last; i++) len += snprintf(buf + len, 64, "%ld\tname %ld\t%ld\n", i, i, i % 100);
    return len;
}

static char *put_int32(char *p, long v)
{
    uint32_t be = htonl((uint32_t)v);
    memcpy(p, &be, 4);
    return p + 4;
}

static char *put_int16(char *p, int v)
{
    uint16_t be = htons((uint16_t)v);
    memcpy(p, &be, 2);
    return p + 2;
}

static int binary_rows(char *buf, long first, long last)
{
    static const char header[19] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0";
    char *p = buf;
    long i;
    memcpy(p, header, sizeof header);
    p += sizeof header;
    for (i = first; i < last; i++) {
        char name[32];
        int len = snprintf(name, sizeof name, "name %ld", i);
        p = put_int16(p, 3);
        p = put_int32(put_int32(p, 4), i);
        p = put_int32(p, len);
        memcpy(p, name, (size_t)len);
        p = put_int32(put_int32(p + len, 4), i % 100);
    }
    p = put_int16(p, -1);
    return (int)(p - buf);
}

/* one COPY per batch of 1000 rows in one transaction; each batch's data is made before it is
   sent, as the rows of a FOR :n batch are in the program's arrays before the statement runs */
static double bulk_copy_batches(PGconn *c, long n, const char *copy_sql, batch_writer write_rows)
{
    static char data[bulk_batch * 64 + 32];
    long start;
    double t0;
    run(c, "truncate bench_ins");
    t0 = now();
    run(c, "begin");
    for (start = 0; start < n; start += bulk_batch) {
        int len = write_rows(data, start, start + bulk_batch < n ? start + bulk_batch : n);
        expect(c, PQexec(c, copy_sql), PGRES_COPY_IN, "copy");
        put_copy(c, data, len);
        copy_end(c);
    }
    run(c, "commit");
    return now() - t0;
}

/* text COPY */
static double bulk_copy(PGconn *c, long n)
{
    return bulk_copy_batches(c, n, "copy bench_ins (id, name, qty) from stdin", text_rows);
}

/* binary COPY: the fastest way libpq offers to load rows */
static double bulk_copy_binary(PGconn *c, long n)
{
    return bulk_copy_batches(c, n, "copy bench_ins (id, name, qty) from stdin (format binary)", binary_rows);
}

/* reads one sync's worth of results: `rows` inserts, then the sync */
static void read_batch(PGconn *c, long rows)
{
    long i;
    PGresult *r;
    for (i = 0; i < rows; i++) {
        expect(c, PQgetResult(c), PGRES_COMMAND_OK, "pipelined insert");
        if ((r = PQgetResult(c)) != NULL) { fprintf(stderr, "pipeline: unexpected result\n"); exit(1); }
    }
    expect(c, PQgetResult(c), PGRES_PIPELINE_SYNC, "pipeline sync");
}

static double bulk_pipeline(PGconn *c, long n)
{
    char id[24], name[32], qty[24];
    const char *values[3] = {id, name, qty};
    long i, sent = 0, in_flight = 0;
    double t0;
    run(c, "truncate bench_ins");
    expect(c, PQprepare(c, "ins", "insert into bench_ins (id, name, qty) values ($1, $2, $3)", 0, NULL),
           PGRES_COMMAND_OK, "prepare");
    t0 = now();
    run(c, "begin");
    if (!PQenterPipelineMode(c)) { fprintf(stderr, "pipeline mode: %s", PQerrorMessage(c)); exit(1); }
    /* one batch of 1000 in flight while the next is sent keeps both socket buffers from filling */
    for (i = 0; i < n; i++) {
        snprintf(id, sizeof id, "%ld", i);
        snprintf(name, sizeof name, "name %ld", i);
        snprintf(qty, sizeof qty, "%ld", i % 100);
        if (!PQsendQueryPrepared(c, "ins", 3, values, NULL, NULL, 0)) { fprintf(stderr, "send: %s", PQerrorMessage(c)); exit(1); }
        if (++sent == 1000 || i == n - 1) {
            PQpipelineSync(c);
            if (in_flight) read_batch(c, in_flight);
            in_flight = sent;
            sent = 0;
        }
    }
    if (in_flight) read_batch(c, in_flight);
    PQexitPipelineMode(c);
    run(c, "commit");
    return now() - t0;
}

static double fetch_rows(PGconn *c, long n)
{
    char limit[24], v[32];
    const char *values[1] = {limit};
    long got = 0, sum = 0;
    double t0;
    PGresult *r;
    snprintf(limit, sizeof limit, "%ld", n);
    t0 = now();
    if (!PQsendQueryParams(c, "select id, v, n from bench_t where id <= $1 order by id", 1, NULL, values, NULL, NULL, 0) ||
        !PQsetSingleRowMode(c)) {
        fprintf(stderr, "single-row query: %s", PQerrorMessage(c));
        exit(1);
    }
    while ((r = PQgetResult(c)) != NULL) {
        ExecStatusType s = PQresultStatus(r);
        if (s == PGRES_SINGLE_TUPLE) {
            sum += atoi(PQgetvalue(r, 0, 0)) + atoi(PQgetvalue(r, 0, 2));
            snprintf(v, sizeof v, "%s", PQgetvalue(r, 0, 1));
            got++;
        } else if (s != PGRES_TUPLES_OK) {
            fprintf(stderr, "fetch: %s", PQresultErrorMessage(r));
            exit(1);
        }
        PQclear(r);
    }
    if (got != n) { fprintf(stderr, "fetched %ld of %ld rows\n", got, n); exit(1); }
    return now() - t0;
}

static double fetch_arrays(PGconn *c, long n)
{
    static int ids[1000], ns[1000];
    static char vs[1000][32];
    char declare[128];
    long got = 0;
    double t0 = now();
    run(c, "begin");
    snprintf(declare, sizeof declare, "declare c2 cursor for select id, v, n from bench_t where id <= %ld order by id", n);
    run(c, declare);
    for (;;) {
        PGresult *r = PQexec(c, "fetch 1000 from c2");
        int i, rows;
        if (PQresultStatus(r) != PGRES_TUPLES_OK) { fprintf(stderr, "fetch: %s", PQerrorMessage(c)); exit(1); }
        rows = PQntuples(r);
        for (i = 0; i < rows; i++) {
            ids[i] = atoi(PQgetvalue(r, i, 0));
            snprintf(vs[i], sizeof vs[i], "%s", PQgetvalue(r, i, 1));
            ns[i] = atoi(PQgetvalue(r, i, 2));
        }
        PQclear(r);
        if (rows == 0) break;
        got += rows;
    }
    run(c, "close c2");
    run(c, "commit");
    if (got != n || ids[0] + ns[0] < 0) { fprintf(stderr, "fetched %ld of %ld rows\n", got, n); exit(1); }
    return now() - t0;
}

static PGconn *open_connection(void)
{
    PGconn *c = PQconnectdb("");
    if (PQstatus(c) != CONNECTION_OK) { fprintf(stderr, "connect: %s", PQerrorMessage(c)); exit(1); }
    return c;
}

struct select_share { long n, rows; };

static void *select_thread(void *arg)
{
    struct select_share *share = arg;
    PGconn *c = open_connection();
    select_loop(c, share->n, share->rows);
    PQfinish(c);
    return NULL;
}

/* n point SELECTs split over `threads` threads, each on its own connection: the time
   until the last thread is done */
static double select_threads(long n, int threads)
{
    pthread_t tid[64];
    struct select_share share[64];
    PGconn *c = open_connection();
    long rows = table_rows(c);
    double t0 = now();
    int t;
    PQfinish(c);
    for (t = 0; t < threads; t++) {
        share[t].n = n / threads;
        share[t].rows = rows;
        if (pthread_create(&tid[t], NULL, select_thread, &share[t]) != 0) { fprintf(stderr, "pthread_create\n"); exit(1); }
    }
    for (t = 0; t < threads; t++) pthread_join(tid[t], NULL);
    return now() - t0;
}

/* the resident set in kB, from /proc/self/status */
static long rss_kb(void)
{
    char line[256];
    long kb = -1;
    FILE *f = fopen("/proc/self/status", "r");
    while (f != NULL && fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, "VmRSS:", 6) == 0) kb = atol(line + 6);
    if (f != NULL) fclose(f);
    return kb;
}

static double idle_connections(long n)
{
    static PGconn *held[1000];
    long i;
    double kb;
    if (n > 1000) n = 1000;
    for (i = 0; i < n; i++) held[i] = open_connection();
    kb = (double)rss_kb();
    for (i = 0; i < n; i++) PQfinish(held[i]);
    return kb;
}

int main(int argc, char **argv)
{
    const char *w;
    long n, i;
    double seconds;
    PGconn *c;
    if (argc != 3) {
        fprintf(stderr, "usage: %s select|insert|bulk_copy|bulk_copy_binary|bulk_pipeline|fetch|fetch_array|connect|"
                        "select_threads_T|idle_connections N\n", argv[0]);
        return 2;
    }
    w = argv[1];
    n = atol(argv[2]);
    if (strcmp(w, "connect") == 0) {
        double t0 = now();
        for (i = 0; i < n; i++) PQfinish(open_connection());
        seconds = now() - t0;
    } else if (strncmp(w, "select_threads_", 15) == 0) {
        int threads = atoi(w + 15);
        if (threads < 1 || threads > 64) { fprintf(stderr, "1 to 64 threads\n"); return 2; }
        seconds = select_threads(n, threads);
    } else if (strcmp(w, "idle_connections") == 0) {
        seconds = idle_connections(n);
    } else {
        c = open_connection();
        if (strcmp(w, "select") == 0) seconds = select_into(c, n);
        else if (strcmp(w, "insert") == 0) seconds = insert_loop(c, n);
        else if (strcmp(w, "bulk_copy") == 0) seconds = bulk_copy(c, n);
        else if (strcmp(w, "bulk_copy_binary") == 0) seconds = bulk_copy_binary(c, n);
        else if (strcmp(w, "bulk_pipeline") == 0) seconds = bulk_pipeline(c, n);
        else if (strcmp(w, "fetch") == 0) seconds = fetch_rows(c, n);
        else if (strcmp(w, "fetch_array") == 0) seconds = fetch_arrays(c, n);
        else { fprintf(stderr, "unknown workload %s\n", w); return 2; }
        PQfinish(c);
    }
    printf("%.6f\n", seconds);
    return 0;
}
