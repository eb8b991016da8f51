#!/bin/sh
# usage: cpu_per_req.sh PID CONNS PORT OUT — runs wrk (rotating searches, 10 s) and prints
# the server's CPU seconds per answered request (from /proc/PID/stat utime+stime).
PID=$1; C=$2; PORT=$3; OUT=$4
tick=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' /proc/$PID/stat; }
a=$(cpu)
uptime > $OUT
wrk -t2 -c$C -d10s --latency -s "$(dirname "$0")/rotate.lua" http://127.0.0.1:$PORT >> $OUT 2>&1
b=$(cpu)
uptime >> $OUT
n=$(grep "requests in" $OUT | awk '{print $1}')
echo "server CPU: $(( (b-a) ))/$tick s for $n requests: $(echo "scale=3; ($b-$a)*1000/$tick/$n" | bc) ms per request" >> $OUT
cat $OUT
