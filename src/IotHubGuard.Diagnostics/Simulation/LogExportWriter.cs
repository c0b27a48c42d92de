using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IotHubGuard.Diagnostics.Simulation;

/// <summary>Writes records in the shapes the hub's exports have (the schemas of the IoT Hub monitoring reference and of Event Grid).</summary>
public static class LogExportWriter
{
    private const string ResourceId = "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/FLEET/PROVIDERS/MICROSOFT.DEVICES/IOTHUBS/CONTOSO-HUB";

    private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="records"/> to <paramref name="output"/> in <paramref name="shape"/>.</summary>
    public static void Write(IEnumerable<ConnectionRecord> records, Stream output, SimulatedExport shape)
    {
        switch (shape)
        {
            case SimulatedExport.StorageJsonLines:
                foreach (ConnectionRecord record in records)
                {
                    WriteLine(output, w => WriteResourceLog(w, record));
                }

                break;
            case SimulatedExport.RecordsDocument:
                using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = WriterOptions.Encoder }))
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("records");
                    foreach (ConnectionRecord record in records)
                    {
                        WriteResourceLog(writer, record);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                break;
            case SimulatedExport.LogAnalyticsJson:
                using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = WriterOptions.Encoder }))
                {
                    writer.WriteStartArray();
                    foreach (ConnectionRecord record in records.Reverse())
                    {
                        WriteAzureDiagnosticsRow(writer, record);
                    }

                    writer.WriteEndArray();
                }

                break;
            case SimulatedExport.LogAnalyticsCsv:
                WriteCsv(records.Reverse(), output);
                break;
            case SimulatedExport.EventGrid:
                using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = WriterOptions.Encoder }))
                {
                    writer.WriteStartArray();
                    foreach (ConnectionRecord record in records.Where(r => r.Operation == ConnectionOperation.Connect ? !r.IsError : r.ResultCode is null or HubErrorCodes.DeviceConnectionClosedRemotely))
                    {
                        WriteEventGrid(writer, record);
                    }

                    writer.WriteEndArray();
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape));
        }

        output.Flush();
    }

    /// <summary>The <c>properties</c> JSON of a record (deviceId, moduleId, sdkVersion, protocol, authType, maskedIpAddress).</summary>
    public static string PropertiesJson(ConnectionRecord record)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("deviceId", record.DeviceId);
            if (record.ModuleId != null)
            {
                writer.WriteString("moduleId", record.ModuleId);
            }

            WriteOptional(writer, "sdkVersion", record.SdkVersion);
            WriteOptional(writer, "protocol", record.Protocol);
            WriteOptional(writer, "authType", record.AuthType);
            WriteOptional(writer, "maskedIpAddress", record.MaskedIp);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteResourceLog(Utf8JsonWriter writer, ConnectionRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("time", Iso(record.Time));
        writer.WriteString("resourceId", ResourceId);
        writer.WriteString("operationName", OperationName(record));
        writer.WriteString("category", "Connections");
        writer.WriteString("level", record.IsError ? "Error" : "Information");
        if (record.ResultCode.HasValue)
        {
            writer.WriteString("resultType", record.ResultCode.Value.ToString(CultureInfo.InvariantCulture));
            WriteOptional(writer, "resultDescription", record.ResultDescription);
        }

        writer.WriteString("properties", PropertiesJson(record));
        writer.WriteString("location", "westeurope");
        writer.WriteEndObject();
    }

    private static void WriteAzureDiagnosticsRow(Utf8JsonWriter writer, ConnectionRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("TimeGenerated", Iso(record.Time));
        writer.WriteString("ResourceProvider", "MICROSOFT.DEVICES");
        writer.WriteString("ResourceType", "IOTHUBS");
        writer.WriteString("Category", "Connections");
        writer.WriteString("OperationName", OperationName(record));
        writer.WriteString("Level", record.IsError ? "Error" : "Information");
        writer.WriteString("ResultType", record.ResultCode?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        writer.WriteString("ResultDescription", record.ResultDescription ?? string.Empty);
        writer.WriteString("properties_s", PropertiesJson(record));
        writer.WriteString("_ResourceId", ResourceId.ToLowerInvariant());
        writer.WriteString("Type", "AzureDiagnostics");
        writer.WriteEndObject();
    }

    private static void WriteCsv(IEnumerable<ConnectionRecord> records, Stream output)
    {
        using var text = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        text.WriteLine("TimeGenerated [UTC],ResourceProvider,ResourceType,Category,OperationName,Level,ResultType,ResultDescription,properties_s,_ResourceId,Type");
        foreach (ConnectionRecord record in records)
        {
            text.WriteLine(string.Join(",", new[]
            {
                record.Time.UtcDateTime.ToString("M/d/yyyy, h:mm:ss.fff tt", CultureInfo.InvariantCulture),
                "MICROSOFT.DEVICES", "IOTHUBS", "Connections", OperationName(record), record.IsError ? "Error" : "Information",
                record.ResultCode?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, record.ResultDescription ?? string.Empty,
                PropertiesJson(record), ResourceId.ToLowerInvariant(), "AzureDiagnostics",
            }.Select(Csv)));
        }
    }

    private static void WriteEventGrid(Utf8JsonWriter writer, ConnectionRecord record)
    {
        bool connected = record.Operation == ConnectionOperation.Connect;
        writer.WriteStartObject();
        writer.WriteString("id", Guid.NewGuid().ToString());
        writer.WriteString("topic", ResourceId);
        writer.WriteString("subject", "devices/" + record.DeviceId);
        writer.WriteString("eventType", connected ? "Microsoft.Devices.DeviceConnected" : "Microsoft.Devices.DeviceDisconnected");
        writer.WriteString("eventTime", Iso(record.Time));
        writer.WriteStartObject("data");
        writer.WriteStartObject("deviceConnectionStateEventInfo");
        writer.WriteString("sequenceNumber", record.Time.UtcTicks.ToString("D32", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteString("hubName", "contoso-hub");
        writer.WriteString("deviceId", record.DeviceId);
        if (record.ModuleId != null)
        {
            writer.WriteString("moduleId", record.ModuleId);
        }

        writer.WriteEndObject();
        writer.WriteString("dataVersion", "1");
        writer.WriteString("metadataVersion", "1");
        writer.WriteEndObject();
    }

    private static void WriteLine(Stream output, Action<Utf8JsonWriter> write)
    {
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            write(writer);
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value != null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string OperationName(ConnectionRecord record) => record.Operation == ConnectionOperation.Connect ? "deviceConnect" : "deviceDisconnect";

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Csv(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
