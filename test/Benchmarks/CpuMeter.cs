using System.Diagnostics;
using System.Globalization;

namespace CentresConnectes.Benchmarks;

/// <summary>
/// The processor time a load cost, split between this process (the host and its client, which share it
/// in the benchmarks) and PostgreSQL's processes, with how busy the machine's cores were — to tell where
/// a request's milliseconds go when the cores are saturated. Reads /proc; elsewhere it reports nothing.
/// </summary>
internal sealed class CpuMeter
{
    private static readonly bool Available = OperatingSystem.IsLinux() && File.Exists("/proc/stat");

    // Linux reports process times in clock ticks; USER_HZ is 100 on every architecture .NET runs on.
    private const double MillisecondsPerTick = 10;

    // Totals of the intervals measured so far, and the start of the running one (when running).
    private double _selfMs, _postgresMs;
    private long _machineBusy, _machineAll;
    private TimeSpan _wall;
    private (double Self, long Postgres, long Busy, long All, long Started)? _running;

    private CpuMeter() => Resume();

    /// <summary>A meter already running.</summary>
    public static CpuMeter Start() => new();

    /// <summary>A meter that counts only between <see cref="Resume"/> and <see cref="Pause"/> (one phase of each round, say).</summary>
    public static CpuMeter Paused()
    {
        var meter = new CpuMeter();
        meter._running = null;
        return meter;
    }

    public void Resume()
    {
        // This process's time is read last on resuming and first on pausing: reading /proc is not counted.
        var postgres = PostgresTicks();
        var (busy, all) = MachineTicks();
        _running = (ProcessMilliseconds(), postgres, busy, all, Stopwatch.GetTimestamp());
    }

    public void Pause()
    {
        if (_running is not { } start)
            return;
        _selfMs += ProcessMilliseconds() - start.Self;
        var (busy, all) = MachineTicks();
        _postgresMs += (PostgresTicks() - start.Postgres) * MillisecondsPerTick;
        _machineBusy += busy - start.Busy;
        _machineAll += all - start.All;
        _wall += Stopwatch.GetElapsedTime(start.Started);
        _running = null;
    }

    /// <summary>« processor per family: this process 3.10 ms, PostgreSQL 2.00 ms; cores 97 % busy over 5.1 s » (pauses the meter), or empty off Linux.</summary>
    public string PerUnit(int units, string unit)
    {
        Pause();
        if (!Available)
            return "";
        var share = _machineAll == 0 ? 0 : 100.0 * _machineBusy / _machineAll;
        return string.Create(CultureInfo.InvariantCulture,
            $"processor per {unit}: this process {_selfMs / units:F2} ms, PostgreSQL {_postgresMs / units:F2} ms; cores {share:F0} % busy over {_wall.TotalSeconds:F1} s");
    }

    /// <summary>user + system ticks of every process named postgres (the server and its backends; pooled connections stay open during a load).</summary>
    private static long PostgresTicks()
    {
        if (!Available)
            return 0;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!char.IsAsciiDigit(Path.GetFileName(dir)[0]))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).TrimEnd() != "postgres")
                    continue;
                // The command is in parentheses and may hold spaces: the fields after it are counted from its end.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended between the listing and the read.
            }
        }
        return ticks;
    }

    /// <summary>This process's processor time, to the microsecond (Linux's process clock; /proc counts in 10 ms ticks), or 0 elsewhere.</summary>
    public static double ProcessMilliseconds()
    {
        if (!Available || clock_gettime(ClockProcessCpuTimeId, out var time) != 0)
            return 0;
        return time.Seconds * 1000.0 + time.Nanoseconds / 1_000_000.0;
    }

    private const int ClockProcessCpuTimeId = 2;

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    /// <summary>The machine's busy and total ticks (first line of /proc/stat; idle and iowait are not busy).</summary>
    private static (long Busy, long All) MachineTicks()
    {
        if (!Available)
            return (0, 0);
        var values = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var all = values.Sum();
        return (all - values[3] - values[4], all);
    }
}
