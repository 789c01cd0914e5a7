#!/usr/bin/env bash
# Cold start of the whole city: how long a node takes, after a restart, until all 186 units
# (the city, 17 departments, 168 communes) answer with their scorecards, every unit grain rebuilt
# from ClickHouse. See docs/benchmarks.md ("Cold start of the whole city").
#
#   1. load:  a node on a fresh data directory with the simulator on, replaying --days working days
#             of HCMC traffic (~16,500 dossiers a day); waits until the backfill is stored.
#   2. stop:  SIGTERM (a planned restart; --stop kill for kill -9, a crash).
#   3. runs:  --runs times: start the node (simulator and hourly job off, so nothing else runs),
#             time launch -> banner -> /health/ready -> all 186 scorecards answered (--concurrency
#             requests at a time), ask all 186 again (warm, for comparison), stop it the same way.
#
# Localhost only (HTTP on 127.0.0.1, port chosen by the system; Orleans ports chosen free), every
# wait bounded, the node stopped on exit. Re-runnable: --data DIR keeps the loaded directory, and a
# later run with the same --data skips the load.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/city-cold-start.sh [--days N] [--runs N] [--stop term|kill] [--concurrency N]
                                [--data DIR] [--repo DIR] [--bin DIR] [--no-build]
  --days N         working days of simulated traffic to load (default 5: one working week)
  --runs N         cold starts to time (default 3)
  --stop MODE      how the node is stopped before each start: term (SIGTERM, default) or kill (SIGKILL)
  --concurrency N  scorecard requests in flight during a run (default 8; 1 = one unit after another)
  --data DIR       data directory to use and keep (loaded once; default: a temporary one, removed)
  --repo DIR       repository to build and run (default: the one holding this script)
  --bin DIR        run the node from DIR instead, e.g. a `dotnet publish` output (its own launcher
                   when it has one); implies --no-build
  --no-build       use the existing Release build
EOF
}

DAYS=5 RUNS=3 STOP=term CONCURRENCY=8 DATA="" BUILD=1 BIN=""
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
while (($#)); do
  case "$1" in
    --days) DAYS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --stop) STOP="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --repo) REPO="$(cd "$2" && pwd)"; shift 2 ;;
    --bin) BIN="$(cd "$2" && pwd)"; BUILD=0; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ "$STOP" == term || "$STOP" == kill ]] || { echo "--stop is term or kill" >&2; exit 2; }

KEY="bench-cold-start-key-not-a-secret"
BIN="${BIN:-$REPO/silo/GovPulse.Silo/bin/Release/net10.0}"
# A self-contained publish runs through its own launcher; a build through the dotnet host.
LAUNCH=(dotnet GovPulse.Silo.dll)
[[ -x "$BIN/GovPulse.Silo" ]] && LAUNCH=(./GovPulse.Silo)
LOAD_LIMIT=3600 READY_LIMIT=300 STOP_LIMIT=120 REQUEST_LIMIT=300
KEEP_DATA=1
if [[ -z "$DATA" ]]; then
  DATA="$(mktemp -d "${TMPDIR:-/tmp}/govpulse-cold-start.XXXXXX")"
  KEEP_DATA=0
fi
mkdir -p "$DATA"
DATA="$(cd "$DATA" && pwd)"
LOGS="$DATA/cold-start-logs"
mkdir -p "$LOGS"
NODE_PID="" URL=""

cleanup() {
  if [[ -n "$NODE_PID" ]] && kill -0 "$NODE_PID" 2>/dev/null; then
    kill -KILL "$NODE_PID" 2>/dev/null || true
    wait "$NODE_PID" 2>/dev/null || true
  fi
  if ((KEEP_DATA == 0)); then rm -rf "$DATA"; fi
}
trap cleanup EXIT

now() { echo "$EPOCHREALTIME"; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_node LOG ARGS...: starts the node, sets NODE_PID and URL (from the banner's Dashboard line).
# Orleans cannot listen on port 0; if a chosen port was taken meanwhile, starts again (3 times at most).
start_node() {
  local log="$1"; shift
  for attempt in 1 2 3; do
    : >"$log"  # exists before the node writes to it, so it can be read at once
    (cd "$BIN" && ASPNETCORE_ENVIRONMENT=Production exec "${LAUNCH[@]}" \
      --urls=http://127.0.0.1:0 \
      "--GovPulse:DataDirectory=$DATA" \
      "--GovPulse:Ingest:BootstrapKey=$KEY" \
      "--GovPulse:Orleans:SiloPort=$(free_port)" \
      --GovPulse:Hourly:Enabled=false \
      "$@") >"$log" 2>&1 &
    NODE_PID=$!
    local deadline=$((SECONDS + READY_LIMIT))
    URL=""
    while ((SECONDS < deadline)); do
      URL="$(sed -n 's|.*Dashboard: \(http://[^ /]*\)/.*|\1|p' "$log" | head -n 1)"
      [[ -n "$URL" ]] && return 0
      kill -0 "$NODE_PID" 2>/dev/null || break
      sleep 0.05
    done
    if kill -0 "$NODE_PID" 2>/dev/null; then
      echo "the node printed no address within ${READY_LIMIT} s; see $log" >&2; exit 1
    fi
    wait "$NODE_PID" 2>/dev/null || true
    NODE_PID=""
    grep -qi "address already in use" "$log" || { echo "the node exited before it listened:" >&2; tail -n 30 "$log" >&2; exit 1; }
    echo "  (an Orleans port was taken; starting again, attempt $((attempt + 1)))" >&2
  done
  echo "the node found a port taken 3 times; see $log" >&2; exit 1
}

wait_ready() {
  local deadline=$((SECONDS + READY_LIMIT))
  until curl -fsS -o /dev/null --max-time 10 "$URL/health/ready" 2>/dev/null; do
    ((SECONDS < deadline)) || { echo "not ready within ${READY_LIMIT} s" >&2; exit 1; }
    kill -0 "$NODE_PID" 2>/dev/null || { echo "the node exited; see its log" >&2; exit 1; }
    sleep 0.1
  done
}

stop_node() {
  if [[ "$STOP" == kill ]]; then
    kill -KILL "$NODE_PID"
  else
    kill -TERM "$NODE_PID"
    local deadline=$((SECONDS + STOP_LIMIT))
    while kill -0 "$NODE_PID" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$NODE_PID" 2>/dev/null; then
      echo "  (the node did not stop within ${STOP_LIMIT} s of SIGTERM; killed)" >&2
      kill -KILL "$NODE_PID"
    fi
  fi
  local status=0
  wait "$NODE_PID" 2>/dev/null || status=$?
  if [[ "$STOP" == term ]] && ((status != 0)); then
    echo "  (the node's exit status after SIGTERM: $status)" >&2
  fi
  NODE_PID=""
}

# events_seen NAME...: the node's counters govpulse_events_NAME summed (new events: ingested; repeats: duplicate).
events_seen() {
  local pattern; pattern="^govpulse_events_($(IFS='|'; echo "$*"))"
  curl -fsS --max-time 30 -H "X-Api-Key: $KEY" "$URL/metrics" |
    awk -v p="$pattern" '$0 ~ p { n += $NF } END { printf "%d\n", n }'
}

# The first day the simulator replays: --days working days (Monday to Friday) before today, local time.
backfill_start() {
  local day; day="$(TZ=Asia/Ho_Chi_Minh date +%F)"
  for ((found = 0; found < DAYS;)); do
    day="$(date -d "$day -1 day" +%F)"
    (($(date -d "$day" +%u) <= 5)) && found=$((found + 1))
  done
  echo "$day"
}

# all_scorecards CODES_FILE: asks every unit for its scorecard (current month); fails unless all answer 200.
# One curl process, --concurrency transfers at a time over kept-alive connections: a curl process per
# request would cost more than the node's answers (about 15 ms of start-up each, 3.5 s for the city).
# Reads carry the bootstrap (admin) key, so the script keeps working if reads come to need one.
all_scorecards() {
  local answered config="$LOGS/scorecards.curl"
  sed "s#.*#url = \"$URL/api/v1/units/&/indicators\"\noutput = \"/dev/null\"#" "$1" >"$config"
  answered="$(curl -sS --no-progress-meter --parallel --parallel-max "$CONCURRENCY" --max-time "$REQUEST_LIMIT" \
    -H "X-Api-Key: $KEY" -w '%{http_code}\n' --config "$config" | grep -c '^200$' || true)"
  [[ "$answered" == "$(wc -l <"$1")" ]] || { echo "only $answered of $(wc -l <"$1") units answered" >&2; exit 1; }
}

if ((BUILD)); then
  echo "building $REPO (Release)..."
  dotnet build -c Release "$REPO/silo/GovPulse.Silo" -v quiet -nologo >/dev/null
fi
[[ -f "$BIN/GovPulse.Silo.dll" ]] || { echo "no build at $BIN (drop --no-build)" >&2; exit 1; }

revision="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "not a git checkout")"
if git -C "$REPO" rev-parse 2>/dev/null && [[ -n "$(git -C "$REPO" status --porcelain --untracked-files=no)" ]]; then
  revision="$revision + uncommitted changes"
fi
echo "code: $REPO ($revision); $(nproc) cores; dotnet $(dotnet --version); data: $DATA"

MARKER="$DATA/.cold-start-loaded"
if [[ -f "$MARKER" ]]; then
  grep -q "^days=$DAYS:" "$MARKER" || { echo "$DATA was loaded with other days ($(cat "$MARKER")); give --days to match, or another --data" >&2; exit 2; }
  echo "load: already done ($(cat "$MARKER"))"
else
  echo "load: simulating $DAYS working days from $(backfill_start) (this takes a while)..."
  t0="$(now)"
  start_node "$LOGS/load.log" --GovPulse:Simulator:Enabled=true "--GovPulse:Simulator:BackfillWorkingDays=$DAYS"
  wait_ready
  # Stored once the count stops racing: the backfill goes in thousands of events a second, live
  # traffic afterwards in a few a second.
  previous=-1 before_previous=-1 count=0 deadline=$((SECONDS + LOAD_LIMIT))
  while :; do
    sleep 5
    count="$(events_seen ingested duplicate)"
    if ((count > 0 && before_previous >= 0 && count - before_previous < 2000)); then break; fi
    ((SECONDS < deadline)) || { echo "the backfill did not settle within ${LOAD_LIMIT} s" >&2; exit 1; }
    ((SECONDS % 60 < 5)) && echo "  $count events received after $(seconds "$t0" "$(now)") s"
    before_previous=$previous previous=$count
  done
  period="$(backfill_start)..$(TZ=Asia/Ho_Chi_Minh date +%F)"
  dossiers="$(curl -fsS --max-time "$REQUEST_LIMIT" -H "X-Api-Key: $KEY" "$URL/api/v1/units/79/indicators?period=$period" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["counts"]["received"])')"
  count="$(events_seen ingested)"
  stop_node
  size="$(du -sh --exclude=cold-start-logs "$DATA" | cut -f1)"
  echo "days=$DAYS: $count events, $dossiers dossiers received $period, $size on disk; loaded in $(seconds "$t0" "$(now)") s" | tee "$MARKER"
fi

printf '\n%-4s %8s %8s %14s %10s %9s %10s %6s\n' run banner ready "186 answered" "from ready" warm "peak RSS" load
for ((run = 1; run <= RUNS; run++)); do
  read -r load _ </proc/loadavg  # other work on the machine at the start of the run (1-minute average)
  t0="$(now)"
  start_node "$LOGS/run-$run.log" --GovPulse:Simulator:Enabled=false
  t_banner="$(now)"
  wait_ready
  t_ready="$(now)"
  curl -fsS --max-time 30 -H "X-Api-Key: $KEY" "$URL/api/v1/units" | python3 -c 'import json, sys; print("\n".join(u["code"] for u in json.load(sys.stdin)))' >"$LOGS/units"
  all_scorecards "$LOGS/units"
  t_all="$(now)"
  all_scorecards "$LOGS/units"
  t_warm="$(now)"
  rss="$(awk '/^VmHWM/ { printf "%d MB", $2 / 1024 }' "/proc/$NODE_PID/status")"
  printf '%-4s %7ss %7ss %13ss %9ss %8ss %10s %6s\n' "$run" "$(seconds "$t0" "$t_banner")" "$(seconds "$t0" "$t_ready")" \
    "$(seconds "$t0" "$t_all")" "$(seconds "$t_ready" "$t_all")" "$(seconds "$t_all" "$t_warm")" "$rss" "$load"
  stop_node
done
echo "(seconds from launching the process; units: $(wc -l <"$LOGS/units"), $CONCURRENCY requests at a time; stop: $STOP)"
