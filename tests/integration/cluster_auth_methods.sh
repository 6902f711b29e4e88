#!/usr/bin/env bash
# Proves the fixture's cluster is what the runtime tests expect, using psql as
# a reference client: each authentication method and TLS set-up accepts the
# right credentials and refuses the wrong ones.
set -uo pipefail
failures=0
psql_bin=$PGESQL_TEST_PG_BINDIR/psql
tcp="host=$PGESQL_TEST_HOST port=$PGESQL_TEST_PORT dbname=$PGESQL_TEST_DATABASE"

expect() {  # expect <ok|fail> <description> <conninfo> <sql> [expected output]
  local want=$1 what=$2 conninfo=$3 sql=$4 expected=${5:-}
  local out status
  out=$(env -u PGPASSWORD -u PGSSLMODE "$psql_bin" -X -tA -d "$conninfo" -c "$sql" 2>&1); status=$?
  if [[ $want == ok && $status -eq 0 && ( -z $expected || $out == "$expected" ) ]] ||
     [[ $want == fail && $status -ne 0 ]]; then
    echo "ok    $what"
  else
    echo "FAIL  $what (status $status): $out"
    failures=$((failures + 1))
  fi
}

expect ok   "trust over the unix socket" \
  "host=$PGESQL_TEST_SOCKET_DIR port=$PGESQL_TEST_PORT dbname=$PGESQL_TEST_DATABASE user=postgres" \
  "select 1" 1
expect ok   "SCRAM over TCP without TLS" \
  "$tcp user=$PGESQL_TEST_SCRAM_USER password=$PGESQL_TEST_SCRAM_PASSWORD sslmode=disable" \
  "select ssl from pg_stat_ssl where pid = pg_backend_pid()" f
expect fail "SCRAM with a wrong password" \
  "$tcp user=$PGESQL_TEST_SCRAM_USER password=wrong sslmode=disable" "select 1"
expect ok   "MD5 over TCP" \
  "$tcp user=$PGESQL_TEST_MD5_USER password=$PGESQL_TEST_MD5_PASSWORD sslmode=disable" "select 1" 1
expect ok   "cleartext password over TCP" \
  "$tcp user=$PGESQL_TEST_PASSWORD_USER password=$PGESQL_TEST_PASSWORD_PASSWORD sslmode=disable" "select 1" 1
expect ok   "SCRAM over TLS, verify-full against the test CA" \
  "host=localhost port=$PGESQL_TEST_PORT dbname=$PGESQL_TEST_DATABASE user=$PGESQL_TEST_SCRAM_USER password=$PGESQL_TEST_SCRAM_PASSWORD sslmode=verify-full sslrootcert=$PGESQL_TEST_SSLROOTCERT" \
  "select ssl from pg_stat_ssl where pid = pg_backend_pid()" t
expect fail "verify-full with an untrusted CA" \
  "$tcp user=$PGESQL_TEST_SCRAM_USER password=$PGESQL_TEST_SCRAM_PASSWORD sslmode=verify-full sslrootcert=$PGESQL_TEST_OTHER_CA" "select 1"
expect ok   "hostssl role with password and client certificate" \
  "$tcp user=$PGESQL_TEST_TLS_USER password=$PGESQL_TEST_TLS_PASSWORD sslmode=verify-ca sslrootcert=$PGESQL_TEST_SSLROOTCERT sslcert=$PGESQL_TEST_TLS_SSLCERT sslkey=$PGESQL_TEST_TLS_SSLKEY" \
  "select current_user" "$PGESQL_TEST_TLS_USER"
expect fail "hostssl role without a client certificate" \
  "$tcp user=$PGESQL_TEST_TLS_USER password=$PGESQL_TEST_TLS_PASSWORD sslmode=require sslcert=/nonexistent sslkey=/nonexistent" "select 1"
expect fail "hostssl role without TLS" \
  "$tcp user=$PGESQL_TEST_TLS_USER password=$PGESQL_TEST_TLS_PASSWORD sslmode=disable" "select 1"
expect ok   "certificate authentication" \
  "$tcp user=$PGESQL_TEST_CERT_USER sslmode=verify-ca sslrootcert=$PGESQL_TEST_SSLROOTCERT sslcert=$PGESQL_TEST_CERT_SSLCERT sslkey=$PGESQL_TEST_CERT_SSLKEY" \
  "select current_user" "$PGESQL_TEST_CERT_USER"

if [[ $failures -ne 0 ]]; then echo "$failures check(s) failed"; exit 1; fi
echo "all checks passed"
