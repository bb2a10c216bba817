import fs from "node:fs";

const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) used so far by the processes `select` picks, read from /proc (Linux). */
function processCpuMs(select: (pid: number, pgid: number, command: string) => boolean): number {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const [head, tail] = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ");
      const fields = tail!.split(" ");
      const command = head!.slice(head!.indexOf("(") + 1);
      if (select(Number(entry), Number(fields[2]), command)) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}

export type CpuSample = { server: number; postgres: number; loadGenerator: number };

/** Where the machine's CPU goes: the app server's process group, PostgreSQL's processes, and this process. */
export function sampleCpu(serverProcessGroup: number): CpuSample {
  const own = process.cpuUsage();
  return {
    server: processCpuMs((_, pgid) => pgid === serverProcessGroup),
    postgres: processCpuMs((_, __, command) => command === "postgres"),
    loadGenerator: (own.user + own.system) / 1000,
  };
}

export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): CpuSample {
  const per = (key: keyof CpuSample) => (after[key] - before[key]) / requests;
  return { server: per("server"), postgres: per("postgres"), loadGenerator: per("loadGenerator") };
}
