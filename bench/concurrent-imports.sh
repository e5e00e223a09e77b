#!/bin/bash
# Starts N command-line imports at the same moment against a new MariaDB/MySQL database and
# tallies what they answered: exit statuses, imported / already imported, stack traces, and the
# versions stored. Needs the mysql client.
#
#   bench/concurrent-imports.sh same 20        # 20 imports of one file
#   bench/concurrent-imports.sh versions 10    # 10 different versions of one department-year
#   MIGRATED=1 bench/concurrent-imports.sh …   # migrate the database first (else the processes do)
set -euo pipefail
mode=${1:?same or versions}
n=${2:-20}
host=${MYSQL_HOST:-127.0.0.1}
db=concurrent_imports_$$
url="mysql://root@$host:3306/$db"
cd "$(dirname "$0")/.."
work=$(mktemp -d)
sql() { mysql -uroot -h"$host" "$@"; }
trap 'sql -e "DROP DATABASE IF EXISTS $db"; rm -rf "$work"' EXIT

original=tests/fixtures/disclosures/007-2022.txt
for i in $(seq 1 "$n"); do
  if [ "$mode" = same ]; then cp "$original" "$work/f$i.txt"; continue; fi
  sed "s/除本级外，没有纳入部门预算编制范围的所属单位。/&（第${i}稿）/" "$original" >"$work/f$i.txt"
done
[ "${MIGRATED:-0}" = 1 ] && DATABASE_URL=$url npx tsx src/cli/main.ts migrate >/dev/null

start=$(date +%s.%N)
for i in $(seq 1 "$n"); do
  (set +e; DATABASE_URL=$url node --import tsx src/cli/main.ts import "$work/f$i.txt" >"$work/$i.out" 2>"$work/$i.err"; echo $? >"$work/$i.rc") &
done
wait
end=$(date +%s.%N)

echo "$n imports ($mode), $(echo "$end - $start" | bc) s"
echo "exit statuses: $(cat "$work"/*.rc | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
echo "imported $(cat "$work"/*.out | grep -c 'imported as version' || true), already imported $(cat "$work"/*.out | grep -c 'already imported' || true)"
echo "with a stack trace: $(grep -l '^    at ' "$work"/*.err | wc -l)"
echo "first lines of standard error:"
for e in "$work"/*.err; do head -1 "$e"; done | sort | uniq -c | sort -rn | head -5
echo "versions stored (version, in force): $(sql -N "$db" -e 'SELECT version, is_current FROM department_budget ORDER BY version' | tr '\t\n' ', ' )"
