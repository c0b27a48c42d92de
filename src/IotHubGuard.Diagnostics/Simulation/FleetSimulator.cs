using System;
using System.Collections.Generic;
using System.Linq;

namespace IotHubGuard.Diagnostics.Simulation;

/// <summary>
/// Generates the Connections records a fleet with known faults would leave in the hub's logs. Seeded, so tests can
/// check the attribution against the faults that were put in; also used for the shipped samples and the benchmark.
/// </summary>
public sealed class FleetSimulator
{
    /// <summary>The C# SDK user-agent current devices log.</summary>
    public const string CurrentSdk = ".NET/1.42.3 (.NET 8.0.11; Linux 6.1; X64)";

    /// <summary>A C# SDK user-agent with a known disconnect defect (no PINGRESP check before 1.28.0).</summary>
    public const string DefectiveSdk = ".NET/1.27.0 (.NET Core 3.1.32; Linux 5.10; Arm)";

    private readonly FleetScenario scenario;

    /// <summary>Creates a simulator for a scenario.</summary>
    public FleetSimulator(FleetScenario scenario)
    {
        this.scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
    }

    /// <summary>The fault of every simulated device id.</summary>
    public IReadOnlyDictionary<string, SimulatedFault> Faults()
    {
        var faults = new Dictionary<string, SimulatedFault>(StringComparer.Ordinal);
        foreach (DeviceGroup group in scenario.Groups)
        {
            for (int i = 0; i < group.Count; i++)
            {
                faults[DeviceId(group, i)] = group.Fault;
            }
        }

        return faults;
    }

    /// <summary>All records, in time order.</summary>
    public IReadOnlyList<ConnectionRecord> Generate()
    {
        var random = new Random(scenario.Seed);
        var records = new List<ConnectionRecord>();
        DateTimeOffset end = scenario.Start + scenario.Duration;
        int wallSlots = Math.Max(1, (int)((scenario.Duration.TotalMinutes - 150) / 15));
        int groupIndex = 0;
        foreach (DeviceGroup group in scenario.Groups)
        {
            // One wall minute per group, 15 minutes apart from the other groups' walls, so two groups never share a burst.
            DateTimeOffset wall = scenario.Start + TimeSpan.FromMinutes(90 + (15 * ((groupIndex++ * 7) % wallSlots)) + random.Next(0, 5));
            wall = new DateTimeOffset(wall.Year, wall.Month, wall.Day, wall.Hour, wall.Minute, 0, TimeSpan.Zero);
            for (int i = 0; i < group.Count; i++)
            {
                var device = new DeviceWriter(records, DeviceId(group, i), group, random);
                Simulate(device, group.Fault, wall, end, random);
            }
        }

        // Stable sort keeps a device's records in the order they were written when times tie.
        return records.Select((r, i) => (r, i)).OrderBy(p => p.r.Time).ThenBy(p => p.i).Select(p => p.r).ToList();
    }

    private void Simulate(DeviceWriter device, SimulatedFault fault, DateTimeOffset wall, DateTimeOffset end, Random random)
    {
        DateTimeOffset t = scenario.Start + Seconds(random, 0, 1800);
        TimeSpan ttl = scenario.TokenLifetime;
        switch (fault)
        {
            case SimulatedFault.Healthy:
                device.Connect(t);
                if (random.Next(3) == 0)
                {
                    DateTimeOffset close = t + Seconds(random, 3600, 7200);
                    device.Disconnect(close, null);
                    device.Connect(close + Seconds(random, 5, 30));
                }

                break;

            case SimulatedFault.FixedToken:
            {
                device.Connect(t);
                DateTimeOffset expiry = t + ttl + Seconds(random, 300, 600);
                device.Disconnect(expiry, HubErrorCodes.IotHubUnauthorized);
                device.Disconnect(expiry + Seconds(random, 0, 2), HubErrorCodes.DeviceConnectionClosedRemotely);
                for (DateTimeOffset retry = expiry + Seconds(random, 5, 20); retry < end; retry += Seconds(random, 240, 420))
                {
                    device.FailedConnect(retry, HubErrorCodes.IotHubUnauthorized);
                }

                break;
            }

            case SimulatedFault.TokenExpiresEachLifetime:
                while (t < end)
                {
                    device.Connect(t);
                    DateTimeOffset expiry = t + ttl + Seconds(random, 300, 600);
                    if (expiry >= end)
                    {
                        break;
                    }

                    device.Disconnect(expiry, HubErrorCodes.IotHubUnauthorized);
                    device.Disconnect(expiry + Seconds(random, 0, 2), HubErrorCodes.DeviceConnectionClosedRemotely);
                    t = expiry + Seconds(random, 3, 15);
                }

                break;

            case SimulatedFault.DuplicateIdentity:
            {
                device.Connect(t);
                DateTimeOffset next = t + Seconds(random, 120, 900);
                while (next < end)
                {
                    // The other client connects; the hub closes the older connection with 400027, which then reports 404104.
                    device.Connect(next);
                    device.Disconnect(next + Seconds(random, 0, 1), HubErrorCodes.ConnectionForcefullyClosedOnNewConnection);
                    device.Disconnect(next + Seconds(random, 1, 3), HubErrorCodes.DeviceConnectionClosedRemotely);
                    next += Seconds(random, 120, 900);
                }

                break;
            }

            case SimulatedFault.DeployWithoutClose:
            {
                device.Connect(t);
                DateTimeOffset drop = wall + Seconds(random, 0, 50);
                device.Disconnect(drop, HubErrorCodes.DeviceConnectionClosedRemotely);
                device.Sdk = ".NET/1.42.3 (.NET 8.0.12; Linux 6.1; X64)";
                device.Connect(drop + Seconds(random, 40, 150));
                break;
            }

            case SimulatedFault.HubTransient:
            {
                device.Connect(t);
                DateTimeOffset drop = wall + Seconds(random, 0, 50);
                device.Disconnect(drop, HubErrorCodes.ConnectionForcefullyClosedOnFaultInjection);
                device.Disconnect(drop + Seconds(random, 0, 2), HubErrorCodes.DeviceConnectionClosedRemotely);
                device.Connect(drop + Seconds(random, 2, 10));
                break;
            }

            case SimulatedFault.NoRecovery:
            {
                device.Connect(t);
                device.Disconnect(t + Seconds(random, 600, 2400), HubErrorCodes.DeviceConnectionClosedRemotely);
                break;
            }

            case SimulatedFault.OldSdk:
            case SimulatedFault.FlakyNetwork:
                while (t < end)
                {
                    device.Connect(t);
                    DateTimeOffset drop = t + Seconds(random, 300, 3000);
                    if (drop >= end)
                    {
                        break;
                    }

                    device.Disconnect(drop, HubErrorCodes.DeviceConnectionClosedRemotely);
                    t = drop + Seconds(random, 5, 60);
                }

                break;
        }
    }

    private static TimeSpan Seconds(Random random, int min, int max) => TimeSpan.FromSeconds(random.Next(min, max + 1));

    private static string DeviceId(DeviceGroup group, int index) => group.Prefix + "-" + index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class DeviceWriter
    {
        private readonly List<ConnectionRecord> records;
        private readonly string id;
        private readonly DeviceGroup group;

        public DeviceWriter(List<ConnectionRecord> records, string id, DeviceGroup group, Random random)
        {
            this.records = records;
            this.id = id;
            this.group = group;
            Sdk = group.SdkUserAgent ?? (group.Fault == SimulatedFault.OldSdk ? DefectiveSdk : CurrentSdk);
            Ip = "10.0." + random.Next(0, 255).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".XXX";
        }

        public string Sdk { get; set; }

        private string Ip { get; }

        public void Connect(DateTimeOffset time) => records.Add(Make(time, ConnectionOperation.Connect, null));

        public void FailedConnect(DateTimeOffset time, int code) => records.Add(Make(time, ConnectionOperation.Connect, code));

        public void Disconnect(DateTimeOffset time, int? code) => records.Add(Make(time, ConnectionOperation.Disconnect, code));

        private ConnectionRecord Make(DateTimeOffset time, ConnectionOperation operation, int? code) => new ConnectionRecord(time, id, operation)
        {
            ResultCode = code,
            ResultDescription = code.HasValue ? HubErrorCodes.NameOf(code.Value) : null,
            SdkVersion = Sdk.Length == 0 ? null : Sdk,
            Protocol = group.Protocol,
            AuthType = "{\"scope\":\"device\",\"type\":\"sas\",\"issuer\":\"iothub\",\"acceptingIpFilterRule\":null}",
            MaskedIp = Ip,
        };
    }
}
