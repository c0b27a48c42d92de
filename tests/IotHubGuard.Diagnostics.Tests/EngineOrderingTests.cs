using System;
using System.Collections.Generic;
using System.Linq;
using IotHubGuard.Diagnostics.Simulation;

namespace IotHubGuard.Diagnostics.Tests;

public class EngineOrderingTests
{
    private static readonly FleetScenario Scenario = new FleetScenario { Seed = 21 }
        .With(SimulatedFault.FixedToken, 5)
        .With(SimulatedFault.DuplicateIdentity, 3)
        .With(SimulatedFault.DeployWithoutClose, 12)
        .With(SimulatedFault.Healthy, 10);

    [Fact]
    public void Records_out_of_order_within_the_reorder_window_give_the_same_attribution_as_sorted_ones()
    {
        IReadOnlyList<ConnectionRecord> sorted = new FleetSimulator(Scenario).Generate();
        // Reverse every run of 8 records: local disorder, as from overlapping blobs or partitions.
        List<ConnectionRecord> shuffled = sorted.Select((r, i) => (r, i)).GroupBy(p => p.i / 8).SelectMany(g => g.Reverse()).Select(p => p.r).ToList();
        Assert.NotEqual(sorted.Select(r => r.Time), shuffled.Select(r => r.Time));

        DiagnosisReport expected = Fleet.Diagnose(sorted);
        DiagnosisReport actual = Fleet.Diagnose(shuffled);

        Assert.Equal(0, actual.LateRecords);
        Assert.Equal(Summary(expected), Summary(actual));
    }

    [Fact]
    public void A_record_later_than_the_reorder_window_is_counted_as_late()
    {
        DateTimeOffset t0 = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var records = new[]
        {
            new ConnectionRecord(t0.AddMinutes(30), "a", ConnectionOperation.Connect),
            new ConnectionRecord(t0.AddMinutes(45), "b", ConnectionOperation.Connect),
            new ConnectionRecord(t0, "c", ConnectionOperation.Connect),
        };

        Assert.Equal(1, Fleet.Diagnose(records).LateRecords);
    }

    [Fact]
    public void A_clean_disconnect_is_a_session_end_but_not_an_attributed_disconnect()
    {
        DateTimeOffset t0 = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var records = new[]
        {
            new ConnectionRecord(t0, "a", ConnectionOperation.Connect),
            new ConnectionRecord(t0.AddMinutes(65), "a", ConnectionOperation.Disconnect),
            new ConnectionRecord(t0.AddMinutes(66), "a", ConnectionOperation.Connect),
            new ConnectionRecord(t0.AddHours(3), "b", ConnectionOperation.Connect),
        };

        DiagnosisReport report = Fleet.Diagnose(records);

        Assert.Equal(1, report.AllSessions.Total);
        Assert.Equal(0, report.AttributedDisconnects);
        Assert.Empty(report.Causes);
    }

    [Fact]
    public void Timelines_are_kept_for_identities_with_disconnects_to_attribute_from_their_open_connection_on()
    {
        var scenario = new FleetScenario { Seed = 4 }.With(SimulatedFault.Healthy, 300).With(SimulatedFault.FixedToken, 3);

        DiagnosisReport report = Fleet.Run(scenario).Report;

        Assert.Equal(3, report.Timelines.Count);
        Assert.All(report.Timelines, t => Assert.StartsWith("fixedtoken-", t.DeviceId));
        Assert.All(report.Timelines, t => Assert.Equal(ConnectionOperation.Connect, t.Events[0].Operation));
        Assert.All(report.Timelines, t => Assert.Contains(t.Events, e => e.Cause == DisconnectCause.SasTokenExpired));
    }

    private static string Summary(DiagnosisReport report) =>
        string.Join(";", report.Causes.Select(c => c.Cause + "=" + c.AffectedDevices + "/" + c.Disconnects))
        + "|" + string.Join(";", report.Devices.OrderBy(d => d.DeviceId, StringComparer.Ordinal).Select(d => d.DeviceId + ":" + d.MainCause));
}
