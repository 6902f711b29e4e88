#!/usr/bin/env bash
# Two clusters started at the same moment must both come up on distinct ports
# and answer queries; `stop` must stop each server and remove its directory.
set -uo pipefail
pgcluster=$1
out1=$(mktemp) out2=$(mktemp)
trap 'rm -f "$out1" "$out2"' EXIT

"$pgcluster" start >"$out1" 2>&1 & pid1=$!
"$pgcluster" start >"$out2" 2>&1 & pid2=$!
wait $pid1; s1=$?
wait $pid2; s2=$?
dir1=$(tail -1 "$out1") dir2=$(tail -1 "$out2")
cleanup() { "$pgcluster" stop "$dir1" 2>/dev/null; "$pgcluster" stop "$dir2" 2>/dev/null; }
[[ $s1 -eq 0 && $s2 -eq 0 ]] || { echo "start failed: $(cat "$out1" "$out2")"; cleanup; exit 1; }

query() {  # query DIR SQL: run SQL over the cluster's unix socket
  ( set -a; . "$1/env"; set +a; "$PGESQL_TEST_PG_BINDIR/psql" -X -tA -c "$2" )
}
port1=$(query "$dir1" "show port") port2=$(query "$dir2" "show port")
echo "cluster 1: $dir1 port $port1"
echo "cluster 2: $dir2 port $port2"
status=0
[[ -n $port1 && -n $port2 && $port1 != "$port2" ]] || { echo "FAIL: ports '$port1' and '$port2'"; status=1; }

pid_of() { head -1 "$1/data/postmaster.pid"; }
server1=$(pid_of "$dir1") server2=$(pid_of "$dir2")
"$pgcluster" stop "$dir1" && "$pgcluster" stop "$dir2" || status=1
for d in "$dir1" "$dir2"; do [[ -e $d ]] && { echo "FAIL: $d still exists"; status=1; }; done
# A stopped server may linger as a zombie until its parent reaps it: that is not running.
running() { [[ -r /proc/$1/status ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }
for p in $server1 $server2; do running "$p" && { echo "FAIL: server $p still runs"; status=1; }; done
[[ $status -eq 0 ]] && echo "both clusters started, answered and were removed"
exit $status
