using System.Collections.Generic;
using System.Linq;
using IotHubGuard.Diagnostics.Simulation;

namespace IotHubGuard.Diagnostics.Tests;

/// <summary>Runs a simulated fleet through the engine and maps each device to its expected cause.</summary>
internal static class Fleet
{
    public static readonly IReadOnlyDictionary<SimulatedFault, DisconnectCause> ExpectedCause = new Dictionary<SimulatedFault, DisconnectCause>
    {
        [SimulatedFault.FixedToken] = DisconnectCause.SasTokenExpired,
        [SimulatedFault.TokenExpiresEachLifetime] = DisconnectCause.SasTokenExpired,
        [SimulatedFault.DuplicateIdentity] = DisconnectCause.DuplicateIdentity,
        [SimulatedFault.DeployWithoutClose] = DisconnectCause.ProcessExitWithoutClose,
        [SimulatedFault.HubTransient] = DisconnectCause.HubTransient,
        [SimulatedFault.NoRecovery] = DisconnectCause.NoRecovery,
        [SimulatedFault.OldSdk] = DisconnectCause.SdkDefect,
        [SimulatedFault.FlakyNetwork] = DisconnectCause.LinkLost,
    };

    public static DiagnosisReport Diagnose(IEnumerable<ConnectionRecord> records, DiagnosisThresholds? thresholds = null)
    {
        var engine = new AttributionEngine(thresholds, new AttributionEngineOptions { DeviceListLimit = 100_000 });
        foreach (ConnectionRecord record in records)
        {
            engine.Add(record);
        }

        return engine.Complete();
    }

    public static (DiagnosisReport Report, IReadOnlyDictionary<string, SimulatedFault> Faults) Run(FleetScenario scenario)
    {
        var simulator = new FleetSimulator(scenario);
        return (Diagnose(simulator.Generate(), new DiagnosisThresholds { TokenLifetime = scenario.TokenLifetime }), simulator.Faults());
    }

    /// <summary>Devices whose main cause is not the one their fault should produce, as "device: expected/actual" lines.</summary>
    public static List<string> Misattributed(DiagnosisReport report, IReadOnlyDictionary<string, SimulatedFault> faults)
    {
        Dictionary<string, DisconnectCause> actual = report.Devices.ToDictionary(d => d.DeviceId, d => d.MainCause);
        var wrong = new List<string>();
        foreach (KeyValuePair<string, SimulatedFault> pair in faults)
        {
            bool attributed = actual.TryGetValue(pair.Key, out DisconnectCause cause);
            if (pair.Value == SimulatedFault.Healthy)
            {
                if (attributed)
                {
                    wrong.Add(pair.Key + ": healthy but attributed " + cause);
                }
            }
            else if (!attributed || cause != ExpectedCause[pair.Value])
            {
                wrong.Add(pair.Key + ": expected " + ExpectedCause[pair.Value] + ", got " + (attributed ? cause.ToString() : "nothing"));
            }
        }

        return wrong;
    }
}
