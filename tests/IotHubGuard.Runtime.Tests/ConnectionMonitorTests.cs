using System;
using System.Collections.Generic;
using IotHubGuard.Diagnostics;
using IotHubGuard.Runtime;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

public class ConnectionMonitorTests
{
    // The SDK's enums, by name: the monitor reads them with ToString().
    private enum ConnectionStatus
    {
        Disconnected,
        Connected,
        Disconnected_Retrying,
        Disabled,
    }

    private enum ConnectionStatusChangeReason
    {
        Connection_Ok,
        Expired_SAS_Token,
        Device_Disabled,
        Bad_Credential,
        Retry_Expired,
        No_Network,
        Communication_Error,
        Client_Close,
    }

    [Fact]
    public void A_disconnect_one_token_lifetime_after_connect_with_an_expired_token_names_AZIOT101()
    {
        var clock = new SteppingClock();
        var lines = new List<string>();
        var monitor = new ConnectionMonitor(new ConnectionMonitorOptions { TimeProvider = clock, Log = lines.Add, SdkUserAgent = ".NET/1.42.3" });

        Assert.Null(monitor.OnConnectionStatusChanged(ConnectionStatus.Connected, ConnectionStatusChangeReason.Connection_Ok));
        clock.Advance(TimeSpan.FromMinutes(65));
        ConnectionDiagnosis? diagnosis = monitor.OnConnectionStatusChanged(ConnectionStatus.Disconnected_Retrying, ConnectionStatusChangeReason.Expired_SAS_Token);

        Assert.NotNull(diagnosis);
        Assert.Equal(DisconnectCause.SasTokenExpired, diagnosis!.Cause);
        Assert.Equal("AZIOT101", diagnosis.Rules[0]);
        Assert.Equal(TimeSpan.FromMinutes(65), diagnosis.ConnectedFor);
        Assert.Equal("disconnected 65 min after connect with an expired token (Expired_SAS_Token): AZIOT101/AZIOT102 [High confidence]", Assert.Single(lines));
        Assert.Same(diagnosis, monitor.LastDiagnosis);
    }

    [Fact]
    public void A_communication_error_one_token_lifetime_after_connect_suspects_the_token_with_low_confidence()
    {
        var clock = new SteppingClock();
        var monitor = new ConnectionMonitor(new ConnectionMonitorOptions { TimeProvider = clock, SdkUserAgent = ".NET/1.42.3" });

        monitor.OnConnectionStatusChanged("Connected", "Connection_Ok");
        clock.Advance(TimeSpan.FromMinutes(70));
        ConnectionDiagnosis diagnosis = monitor.OnConnectionStatusChanged("Disconnected_Retrying", "Communication_Error")!;

        Assert.Equal(DisconnectCause.SasTokenExpired, diagnosis.Cause);
        Assert.Equal(Confidence.Low, diagnosis.Attribution.Confidence);
        Assert.Contains("one token lifetime (60 min) plus grace", diagnosis.Message);
    }

    [Fact]
    public void Repeated_communication_errors_within_the_window_suspect_a_second_client_and_a_single_one_does_not()
    {
        var clock = new SteppingClock();
        var monitor = new ConnectionMonitor(new ConnectionMonitorOptions { TimeProvider = clock, SdkUserAgent = ".NET/1.42.3" });
        var causes = new List<DisconnectCause>();
        for (int i = 0; i < 3; i++)
        {
            monitor.OnConnectionStatusChanged(ConnectionStatus.Connected, ConnectionStatusChangeReason.Connection_Ok);
            clock.Advance(TimeSpan.FromMinutes(3));
            causes.Add(monitor.OnConnectionStatusChanged(ConnectionStatus.Disconnected_Retrying, ConnectionStatusChangeReason.Communication_Error)!.Cause);
        }

        Assert.Equal(new[] { DisconnectCause.LinkLost, DisconnectCause.LinkLost, DisconnectCause.DuplicateIdentity }, causes);
        Assert.StartsWith("AZIOT205", monitor.LastDiagnosis!.Rules[0]);

        // Spread over more than the window, the same errors are not a second client.
        clock.Advance(TimeSpan.FromMinutes(30));
        monitor.OnConnectionStatusChanged(ConnectionStatus.Connected, ConnectionStatusChangeReason.Connection_Ok);
        clock.Advance(TimeSpan.FromMinutes(12));
        Assert.Equal(DisconnectCause.LinkLost, monitor.OnConnectionStatusChanged(ConnectionStatus.Disconnected_Retrying, ConnectionStatusChangeReason.Communication_Error)!.Cause);
    }

    [Theory]
    [InlineData("Disconnected", "Client_Close")]
    [InlineData("Disabled", "Device_Disabled")]
    [InlineData("Disconnected", "Device_Disabled")]
    [InlineData("Connected", "Connection_Ok")]
    public void A_close_the_app_asked_for_or_a_disabled_device_is_not_diagnosed(string status, string reason)
    {
        var lines = new List<string>();
        var monitor = new ConnectionMonitor(new ConnectionMonitorOptions { TimeProvider = new SteppingClock(), Log = lines.Add });
        monitor.OnConnectionStatusChanged("Connected", "Connection_Ok");

        Assert.Null(monitor.OnConnectionStatusChanged(status, reason));
        Assert.Empty(lines);
    }

    [Fact]
    public void A_client_that_stops_retrying_names_AZIOT501()
    {
        var clock = new SteppingClock();
        var monitor = new ConnectionMonitor(new ConnectionMonitorOptions { TimeProvider = clock, SdkUserAgent = ".NET/1.42.3" });
        monitor.OnConnectionStatusChanged(ConnectionStatus.Connected, ConnectionStatusChangeReason.Connection_Ok);
        clock.Advance(TimeSpan.FromMinutes(12));

        ConnectionDiagnosis diagnosis = monitor.OnConnectionStatusChanged(ConnectionStatus.Disconnected, ConnectionStatusChangeReason.Retry_Expired)!;

        Assert.Equal(DisconnectCause.NoRecovery, diagnosis.Cause);
        Assert.Equal(new[] { "AZIOT501", "AZIOT502" }, diagnosis.Rules);
        Assert.StartsWith("disconnected 12 min after connect and the client stopped retrying (Disconnected, Retry_Expired): AZIOT501/AZIOT502", diagnosis.Message);
    }

    [Fact]
    public void An_sdk_with_a_known_defect_is_named_when_nothing_else_explains_the_drop()
    {
        var clock = new SteppingClock();
        var monitor = new ConnectionMonitor(new ConnectionMonitorOptions { TimeProvider = clock, SdkUserAgent = ".NET/1.27.0 (.NET Core 3.1; Linux; Arm)" });
        monitor.OnConnectionStatusChanged(ConnectionStatus.Connected, ConnectionStatusChangeReason.Connection_Ok);
        clock.Advance(TimeSpan.FromMinutes(20));

        ConnectionDiagnosis diagnosis = monitor.OnConnectionStatusChanged(ConnectionStatus.Disconnected_Retrying, ConnectionStatusChangeReason.No_Network)!;

        Assert.Equal(DisconnectCause.SdkDefect, diagnosis.Cause);
        Assert.Equal("AZIOT401", diagnosis.Rules[0]);
        Assert.Contains("PINGRESP", string.Join(" ", diagnosis.Attribution.Evidence));
    }

    /// <summary>A clock that moves only when told: both wall time and the monotonic timestamp.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        private long ticks;

        public override DateTimeOffset GetUtcNow() => now;

        public override long GetTimestamp() => ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void Advance(TimeSpan by)
        {
            now += by;
            ticks += by.Ticks;
        }
    }
}
