#!/usr/bin/env bash
# Differencing check (issue #22): the cost per released group of comparing its entity set with 10,000 sets the
# organization already received from the dataset in the period (EntitySetIndex over Roaring64Bitmaps), for groups of
# 100 and 1,000 entities, unrelated sets (the usual case) and sets that all share their 90 smallest hashes (every one
# a candidate, intersected exactly: the worst case). Runs the measuring test of sandbox-runner, prints its figures.
# No services needed; bounded (a few seconds of work).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl contracts,sandbox-runner -am test -Dtest='DifferencingCheckTest#costPerGroup_with10000EarlierGroups' -Dpdx.bench.differencing=full \
  -Dsurefire.failIfNoSpecifiedTests=false -DtrimStackTrace=true 2>&1 | grep -E "differencing check|FAIL|ERROR" || true
grep -h "differencing check" sandbox-runner/target/surefire-reports/*DifferencingCheckTest-output.txt 2>/dev/null || true
