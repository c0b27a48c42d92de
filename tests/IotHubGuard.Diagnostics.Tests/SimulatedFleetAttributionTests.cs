using System;
using System.Linq;
using IotHubGuard.Diagnostics.Simulation;

namespace IotHubGuard.Diagnostics.Tests;

public class SimulatedFleetAttributionTests
{
    [Theory]
    [InlineData(SimulatedFault.FixedToken)]
    [InlineData(SimulatedFault.TokenExpiresEachLifetime)]
    [InlineData(SimulatedFault.DuplicateIdentity)]
    [InlineData(SimulatedFault.DeployWithoutClose)]
    [InlineData(SimulatedFault.HubTransient)]
    [InlineData(SimulatedFault.NoRecovery)]
    [InlineData(SimulatedFault.OldSdk)]
    [InlineData(SimulatedFault.FlakyNetwork)]
    public void Each_fault_alone_is_attributed_to_its_cause(SimulatedFault fault)
    {
        var scenario = new FleetScenario { Seed = 11 }.With(fault, 30).With(SimulatedFault.Healthy, 30);

        (DiagnosisReport report, var faults) = Fleet.Run(scenario);

        Assert.Empty(Fleet.Misattributed(report, faults));
        CauseSummary top = report.Causes[0];
        Assert.Equal(Fleet.ExpectedCause[fault], top.Cause);
        Assert.Equal(30, top.AffectedDevices);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_mixed_fleet_attributes_every_device_to_its_own_fault(int seed)
    {
        var scenario = new FleetScenario { Seed = seed, Duration = TimeSpan.FromHours(8) }
            .With(SimulatedFault.Healthy, 60)
            .With(SimulatedFault.FixedToken, 12)
            .With(SimulatedFault.TokenExpiresEachLifetime, 15)
            .With(SimulatedFault.DuplicateIdentity, 8)
            .With(SimulatedFault.DeployWithoutClose, 25)
            .With(SimulatedFault.HubTransient, 20)
            .With(SimulatedFault.NoRecovery, 6)
            .With(SimulatedFault.OldSdk, 9)
            .With(SimulatedFault.FlakyNetwork, 5);

        (DiagnosisReport report, var faults) = Fleet.Run(scenario);

        Assert.Empty(Fleet.Misattributed(report, faults));
        Assert.Equal(
            new[] { DisconnectCause.SasTokenExpired, DisconnectCause.ProcessExitWithoutClose, DisconnectCause.HubTransient },
            report.Causes.Take(3).Select(c => c.Cause));
    }
}
