#!/usr/bin/env bash
# A standalone Spark cluster (one master, one worker) on 127.0.0.1, from the pyspark package's own launcher
# (PyPI's pyspark carries bin/spark-class but not sbin/start-master.sh). Used to prove that moving the
# build to a cluster changes only SPARK_MASTER. Loopback only: SPARK_LOCAL_IP pins every bind address.
#   scripts/spark_cluster.sh start   -> prints the master URL (spark://127.0.0.1:PORT)
#   scripts/spark_cluster.sh stop
set -euo pipefail
: "${WAREHOUSE_DIR:?set WAREHOUSE_DIR}"
PY=${PYTHON:-.venv/bin/python}
PORT=${SPARK_MASTER_PORT:-7177}
RUN="$WAREHOUSE_DIR/spark/cluster"
export SPARK_HOME=$("$PY" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR="$RUN/logs" SPARK_WORKER_DIR="$RUN/work"
case "${1:-}" in
start)
  mkdir -p "$RUN/logs" "$RUN/work"
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" \
    --webui-port 0 >"$RUN/logs/master.log" 2>&1 &
  echo $! >"$RUN/master.pid"
  for _ in $(seq 60); do grep -q "Starting Spark master" "$RUN/logs/master.log" 2>/dev/null && break; sleep 1; done
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$PORT" --host 127.0.0.1 \
    --webui-port 0 --cores "${SPARK_WORKER_CORES:-2}" --memory "${SPARK_WORKER_MEMORY:-3g}" >"$RUN/logs/worker.log" 2>&1 &
  echo $! >"$RUN/worker.pid"
  for _ in $(seq 60); do grep -q "Successfully registered with master" "$RUN/logs/worker.log" 2>/dev/null && break; sleep 1; done
  grep -q "Successfully registered with master" "$RUN/logs/worker.log" || { echo "worker did not register: $RUN/logs" >&2; exit 1; }
  echo "spark://127.0.0.1:$PORT"
  ;;
stop)
  for p in worker master; do
    [ -f "$RUN/$p.pid" ] && kill "$(cat "$RUN/$p.pid")" 2>/dev/null || true
    rm -f "$RUN/$p.pid"
  done
  ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
