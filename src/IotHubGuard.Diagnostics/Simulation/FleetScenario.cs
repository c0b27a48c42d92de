using System;
using System.Collections.Generic;

namespace IotHubGuard.Diagnostics.Simulation;

/// <summary>A fleet to simulate: groups of devices, each with one fault, over a time span, from a seed.</summary>
public sealed class FleetScenario
{
    /// <summary>The random seed: the same scenario and seed give the same records.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>When the log starts.</summary>
    public DateTimeOffset Start { get; set; } = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>How long the log runs.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The token lifetime the devices use.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>The device groups.</summary>
    public IList<DeviceGroup> Groups { get; } = new List<DeviceGroup>();

    /// <summary>
    /// A realistic mixture (the benchmark's and <c>iothubguard simulate --devices</c>'): 40 % healthy and every fault
    /// present, about 15 records per device over 6 hours.
    /// </summary>
    public static FleetScenario Mixed(int devices, int seed, TimeSpan duration)
    {
        var scenario = new FleetScenario { Seed = seed, Duration = duration };
        (SimulatedFault Fault, double Share)[] mixture =
        {
            (SimulatedFault.Healthy, 0.40), (SimulatedFault.TokenExpiresEachLifetime, 0.15), (SimulatedFault.FixedToken, 0.05),
            (SimulatedFault.DuplicateIdentity, 0.05), (SimulatedFault.DeployWithoutClose, 0.15), (SimulatedFault.HubTransient, 0.10),
            (SimulatedFault.NoRecovery, 0.03), (SimulatedFault.OldSdk, 0.04), (SimulatedFault.FlakyNetwork, 0.03),
        };
        foreach ((SimulatedFault fault, double share) in mixture)
        {
            scenario.With(fault, Math.Max(1, (int)Math.Round(devices * share)));
        }

        return scenario;
    }

    /// <summary>Adds a group and returns the scenario (for chaining).</summary>
    public FleetScenario With(SimulatedFault fault, int count, string? prefix = null, string? protocol = null)
    {
        Groups.Add(new DeviceGroup(prefix ?? fault.ToString().ToLowerInvariant(), count, fault) { Protocol = protocol ?? "Mqtt" });
        return this;
    }
}

/// <summary>Devices that share a fault.</summary>
public sealed class DeviceGroup
{
    /// <summary>Creates a group.</summary>
    public DeviceGroup(string prefix, int count, SimulatedFault fault)
    {
        Prefix = prefix;
        Count = count;
        Fault = fault;
    }

    /// <summary>Device ids are <c>{Prefix}-{n}</c>.</summary>
    public string Prefix { get; }

    /// <summary>How many devices.</summary>
    public int Count { get; }

    /// <summary>What they do wrong.</summary>
    public SimulatedFault Fault { get; }

    /// <summary>The protocol they log.</summary>
    public string Protocol { get; set; } = "Mqtt";

    /// <summary>
    /// The sdkVersion they log; null means the current C# SDK (or 1.27.0 for <see cref="SimulatedFault.OldSdk"/>);
    /// empty means none (a raw MQTT client).
    /// </summary>
    public string? SdkUserAgent { get; set; }
}
