using System;
using System.IO;
using System.Linq;
using IotHubGuard.Diagnostics.Simulation;

namespace IotHubGuard.Diagnostics.Tests;

public class ReaderShapeTests
{
    private static readonly FleetScenario Scenario = new FleetScenario { Seed = 5, Duration = TimeSpan.FromHours(4) }
        .With(SimulatedFault.FixedToken, 3)
        .With(SimulatedFault.DuplicateIdentity, 2)
        .With(SimulatedFault.Healthy, 3);

    [Theory]
    [InlineData(SimulatedExport.StorageJsonLines)]
    [InlineData(SimulatedExport.RecordsDocument)]
    [InlineData(SimulatedExport.LogAnalyticsJson)]
    [InlineData(SimulatedExport.LogAnalyticsCsv)]
    public void Every_resource_log_shape_reads_back_every_record_in_time_order(SimulatedExport shape)
    {
        var generated = new FleetSimulator(Scenario).Generate();
        var bytes = Export(generated, shape);

        var (records, problems) = Read.Bytes(bytes, "export");

        Assert.Empty(problems);
        Assert.Equal(generated.Select(Key), records.Select(Key));
        Assert.All(records, r => Assert.Equal(FleetSimulator.CurrentSdk, r.SdkVersion));
        Assert.All(records, r => Assert.Equal("Mqtt", r.Protocol));
    }

    [Fact]
    public void Event_grid_events_give_connects_and_code_less_disconnects()
    {
        var generated = new FleetSimulator(Scenario).Generate();

        var (records, problems) = Read.Bytes(Export(generated, SimulatedExport.EventGrid));

        Assert.Empty(problems);
        Assert.Equal(
            generated.Count(r => r.Operation == ConnectionOperation.Connect && !r.IsError),
            records.Count(r => r.Operation == ConnectionOperation.Connect));
        Assert.Equal(
            generated.Count(r => r.ResultCode == HubErrorCodes.DeviceConnectionClosedRemotely),
            records.Count(r => r.Operation == ConnectionOperation.Disconnect));
        Assert.All(records, r => Assert.False(r.HasResult));
    }

    [Fact]
    public void The_documented_resource_log_record_with_properties_as_an_escaped_string_is_read()
    {
        // The Connections schema of the IoT Hub monitoring reference: properties is a JSON string, authType a JSON string inside it.
        const string Record = """
            {"records":[{"time":"2026-12-01T10:00:00Z","resourceId":"/SUBSCRIPTIONS/x/RESOURCEGROUPS/y/PROVIDERS/MICROSOFT.DEVICES/IOTHUBS/hub","operationName":"deviceDisconnect","category":"Connections","level":"Error","resultType":"404104","resultDescription":"DeviceConnectionClosedRemotely","properties":"{\"deviceId\":\"sensor-7\",\"sdkVersion\":\".NET/1.41.0 (.NET 6.0.0; Linux; X64)\",\"protocol\":\"Mqtt\",\"authType\":\"{\\\"scope\\\":\\\"device\\\",\\\"type\\\":\\\"sas\\\",\\\"issuer\\\":\\\"iothub\\\",\\\"acceptingIpFilterRule\\\":null}\",\"maskedIpAddress\":\"10.0.0.XXX\"}","location":"westus"}]}
            """;

        var (records, problems) = Read.Text(Record);

        Assert.Empty(problems);
        ConnectionRecord record = Assert.Single(records);
        Assert.Equal("sensor-7", record.DeviceId);
        Assert.Equal(ConnectionOperation.Disconnect, record.Operation);
        Assert.Equal(404104, record.ResultCode);
        Assert.Equal("Mqtt", record.Protocol);
        Assert.Contains("\"type\":\"sas\"", record.AuthType);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), record.Time);
    }

    [Fact]
    public void Properties_as_an_object_missing_fields_and_the_older_statusType_field_are_tolerated()
    {
        const string Lines = """
            {"time":"2026-12-01T10:00:00Z","operationName":"deviceConnect","category":"Connections","level":"Information","properties":{"deviceId":"a","protocol":"Mqtt","authType":null,"maskedIpAddress":"73.162.215.XXX","statusCode":null}}
            {"time":"2026-12-01T10:05:00Z","operationName":"deviceDisconnect","category":"Connections","level":"Error","statusType":"404104","deviceId":"b"}
            {"time":"2026-12-01T10:06:00Z","operationName":"deviceDisconnect","category":"Connections","resultDescription":"IotHubUnauthorized","properties":"{\"deviceId\":\"c\",\"moduleId\":\"m1\"}"}
            """;

        var (records, problems) = Read.Text(Lines);

        Assert.Empty(problems);
        Assert.Equal(new[] { "a", "b", "c/m1" }, records.Select(r => r.IdentityKey));
        Assert.Null(records[0].SdkVersion);
        Assert.Null(records[0].AuthType);
        Assert.Equal(404104, records[1].ResultCode);
        Assert.Equal(401003, records[2].ResultCode);
    }

    [Fact]
    public void Other_categories_and_operations_are_skipped_without_a_problem()
    {
        const string Lines = """
            {"time":"2026-12-01T10:00:00Z","operationName":"ingress","category":"C2DCommands","properties":{"deviceId":"a"}}
            {"time":"2026-12-01T10:00:00Z","operationName":"deviceConnect","category":"Connections","properties":{"deviceId":"a"}}
            {"eventType":"Microsoft.Devices.DeviceCreated","eventTime":"2026-12-01T10:00:00Z","data":{"deviceId":"a"}}
            """;
        var problems = new System.Collections.Generic.List<LogReadProblem>();
        var reader = new ConnectionLogReader(problems.Add);

        var records = reader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Lines)), "x").ToList();

        Assert.Single(records);
        Assert.Empty(problems);
        Assert.Equal(2, reader.RecordsSkipped);
    }

    [Fact]
    public void A_records_document_larger_than_the_read_buffer_with_one_huge_record_streams_completely()
    {
        var records = Enumerable.Range(0, 3000)
            .Select(i => new ConnectionRecord(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i), "d" + (i % 50), ConnectionOperation.Connect)
            {
                SdkVersion = i == 1500 ? new string('x', 200_000) : "v",
            })
            .ToList();

        var (read, problems) = Read.Bytes(Export(records, SimulatedExport.RecordsDocument));

        Assert.Empty(problems);
        Assert.Equal(3000, read.Count);
        Assert.Equal(200_000, read[1500].SdkVersion!.Length);
        Assert.True(read[2999].SourceLine > read[0].SourceLine);
    }

    internal static byte[] Export(System.Collections.Generic.IEnumerable<ConnectionRecord> records, SimulatedExport shape)
    {
        using var stream = new MemoryStream();
        LogExportWriter.Write(records, stream, shape);
        return stream.ToArray();
    }

    private static string Key(ConnectionRecord r) =>
        r.Time.ToUnixTimeMilliseconds() + " " + r.IdentityKey + " " + r.Operation + " " + r.ResultCode;
}
