#!/usr/bin/env bash
# Runs a command against a real single-node SLURM started for it: munged with a key made here,
# slurmctld and slurmd (as root) with a slurm.conf naming this host, every state, spool, log and
# socket file in one temporary folder, all stopped and removed at the end. The command sees the
# cluster through SLURM_CONF (sbatch, squeue, scancel, sinfo, scontrol read it).
#
# When SLURM cannot be started here (not root, or slurm-wlm / munge missing) it says exactly what
# is missing, then runs the command with PARLEY_SLURM_UNAVAILABLE set to that reason, so the
# suite reports its tests as skipped instead of passing them.
set -euo pipefail

# Run the command without a cluster: its tests report skipped, naming the reason.
without_slurm() {
  echo "with-slurm: $1" >&2
  export PARLEY_SLURM_UNAVAILABLE="$1"
  shift
  "$@"
  exit
}

missing=()
for tool in slurmctld slurmd slurmstepd sbatch squeue scancel sinfo scontrol; do
  command -v "$tool" >/dev/null 2>&1 || { [ -x "/usr/sbin/$tool" ] || missing+=("$tool"); }
done
command -v munged >/dev/null 2>&1 || [ -x /usr/sbin/munged ] || missing+=(munged)
if [ ${#missing[@]} -gt 0 ]; then
  without_slurm "SLURM is not installed (missing: ${missing[*]}); install it with: sudo apt-get install -y slurm-wlm munge" "$@"
fi
if [ "$(id -u)" != "0" ]; then
  without_slurm "starting slurmctld and slurmd needs root (run the suite as root, e.g. sudo npm test)" "$@"
fi
export PATH="$PATH:/usr/sbin"

tmp="$(mktemp -d /tmp/parley-slurm.XXXXXX)"
chmod 700 "$tmp"
pids=()
cleanup() {
  # Stop the daemons this script started (by their pid), newest first, then remove the folder.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap "exit 143" TERM
trap "exit 130" INT
mkdir -p "$tmp/munge" "$tmp/ctld" "$tmp/spool" "$tmp/log"
chmod 700 "$tmp/munge"

# munge: a fresh key, its own socket, so a system munged (if any) is neither used nor disturbed.
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
socket="$tmp/munge/munge.socket"
munged --force --key-file="$tmp/munge/munge.key" --socket="$socket" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/log/munged.log" \
  --seed-file="$tmp/munge/munged.seed" --foreground 2>>"$tmp/log/munged.out" &
pids+=($!)

host="$(hostname -s)"
cpus="$(nproc)"
mem_mb="$(awk '/MemTotal/ { print int($2 / 1024 * 0.8) }' /proc/meminfo)"
# Ports chosen from this script's pid so two concurrent runs do not collide.
port=$((20000 + ($$ % 20000)))
cat >"$tmp/slurm.conf" <<EOF
ClusterName=parley-test
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/ctld
SlurmdSpoolDir=$tmp/spool/%n
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
MaxArraySize=1001
# scancel sends SIGTERM, then SIGKILL after KillWait: short, so the suite sees a kill land mid-task.
KillWait=2
MinJobAge=300
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$tmp/slurm.conf"

for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.1; done
if [ ! -S "$socket" ]; then
  cat "$tmp/log/munged.log" >&2 || true
  echo "with-slurm: munged did not start within 5 s (log above)" >&2
  exit 1
fi

slurmctld -D -i -f "$SLURM_CONF" >>"$tmp/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >>"$tmp/log/slurmd.out" 2>&1 &
pids+=($!)

# Wait (bounded) until the node is idle, i.e. the controller answers and the node registered.
ready=""
for _ in $(seq 150); do
  state="$(sinfo -h -n "$host" -o %t 2>/dev/null || true)"
  if [ "$state" = "idle" ]; then ready=1; break; fi
  sleep 0.2
done
if [ -z "$ready" ]; then
  echo "with-slurm: the node did not become idle within 30 s (state: ${state:-none}); logs:" >&2
  tail -n 20 "$tmp"/log/* >&2 || true
  exit 1
fi
echo "with-slurm: single-node SLURM up on $host ($cpus CPUs) with SLURM_CONF=$SLURM_CONF" >&2

status=0
"$@" || status=$?
exit $status
