using System;
using System.Globalization;

namespace IotHubGuard.Diagnostics.Reading;

/// <summary>
/// Turns one exported record of any supported shape into a <see cref="ConnectionRecord"/>. Shapes and field names:
/// resource logs (<c>time</c>, <c>operationName</c>, <c>category</c>, <c>resultType</c>, <c>properties</c>), Log Analytics
/// <c>AzureDiagnostics</c> (<c>TimeGenerated</c>, <c>OperationName</c>, <c>ResultType</c>, <c>properties_s</c>) and Event Grid
/// (<c>eventType</c>/<c>type</c>, <c>eventTime</c>/<c>time</c>, <c>data.deviceId</c>, <c>data.moduleId</c>).
/// </summary>
internal static class RecordMapper
{
    private static readonly string[] PortalTimeFormats =
    {
        "M/d/yyyy, h:mm:ss.fff tt", "M/d/yyyy, h:mm:ss tt", "M/d/yyyy h:mm:ss.fff tt", "M/d/yyyy h:mm:ss tt",
    };

    /// <summary>The outcome of mapping one record.</summary>
    public enum Outcome
    {
        Mapped,
        Skipped,
        Invalid,
    }

    public static Outcome Map(IRecordFields fields, out ConnectionRecord? record, out string? problem)
    {
        record = null;
        problem = null;

        string? eventType = fields.Get("eventType") ?? fields.Get("type");
        if (eventType != null && eventType.StartsWith("Microsoft.Devices.", StringComparison.OrdinalIgnoreCase))
        {
            return MapEventGrid(fields, eventType, out record, out problem);
        }

        string? category = fields.Get("category") ?? fields.Get("Category");
        if (category != null && !category.Equals("Connections", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Skipped;
        }

        string? operationName = fields.Get("operationName");
        ConnectionOperation operation;
        if (string.Equals(operationName, "deviceConnect", StringComparison.OrdinalIgnoreCase))
        {
            operation = ConnectionOperation.Connect;
        }
        else if (string.Equals(operationName, "deviceDisconnect", StringComparison.OrdinalIgnoreCase))
        {
            operation = ConnectionOperation.Disconnect;
        }
        else if (operationName == null)
        {
            problem = "the record has no operationName (expected deviceConnect or deviceDisconnect)";
            return Outcome.Invalid;
        }
        else
        {
            return Outcome.Skipped;
        }

        string? timeText = fields.Get("time") ?? fields.Get("TimeGenerated") ?? fields.Get("TimeGenerated [UTC]");
        if (!TryParseTime(timeText, out DateTimeOffset time))
        {
            problem = timeText == null ? "the record has no time (expected time or TimeGenerated)" : "the time '" + timeText + "' is not a date";
            return Outcome.Invalid;
        }

        IRecordFields? properties = fields.GetObject("properties") ?? fields.GetObject("properties_s");
        string? deviceId = properties?.Get("deviceId") ?? fields.Get("deviceId") ?? fields.Get("DeviceId");
        if (string.IsNullOrEmpty(deviceId))
        {
            problem = "the record has no deviceId (in properties, properties_s or at the top level)";
            return Outcome.Invalid;
        }

        var result = new ConnectionRecord(time, deviceId!, operation)
        {
            ModuleId = NullIfEmpty(properties?.Get("moduleId") ?? fields.Get("moduleId")),
            SdkVersion = NullIfEmpty(properties?.Get("sdkVersion") ?? fields.Get("sdkVersion")),
            Protocol = NullIfEmpty(properties?.Get("protocol") ?? fields.Get("protocol")),
            AuthType = NullIfEmpty(properties?.Get("authType") ?? fields.Get("authType")),
            MaskedIp = NullIfEmpty(properties?.Get("maskedIpAddress") ?? fields.Get("maskedIpAddress")),
            ResultDescription = NullIfEmpty(fields.Get("resultDescription")),
        };

        // resultType is the current field; statusType carried the code in the older schema.
        string? code = fields.Get("resultType") ?? fields.Get("statusType");
        if (int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed != 0)
        {
            result.ResultCode = parsed;
        }
        else
        {
            result.ResultCode = HubErrorCodes.CodeOf(result.ResultDescription);
        }

        record = result;
        return Outcome.Mapped;
    }

    public static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        string trimmed = text!.Trim();
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, Styles, out time)
            || DateTimeOffset.TryParseExact(trimmed, PortalTimeFormats, CultureInfo.InvariantCulture, Styles, out time);
    }

    private static Outcome MapEventGrid(IRecordFields fields, string eventType, out ConnectionRecord? record, out string? problem)
    {
        record = null;
        problem = null;
        ConnectionOperation operation;
        if (eventType.EndsWith(".DeviceConnected", StringComparison.OrdinalIgnoreCase))
        {
            operation = ConnectionOperation.Connect;
        }
        else if (eventType.EndsWith(".DeviceDisconnected", StringComparison.OrdinalIgnoreCase))
        {
            operation = ConnectionOperation.Disconnect;
        }
        else
        {
            return Outcome.Skipped;
        }

        string? timeText = fields.Get("eventTime") ?? fields.Get("time");
        if (!TryParseTime(timeText, out DateTimeOffset time))
        {
            problem = "the Event Grid event has no valid eventTime";
            return Outcome.Invalid;
        }

        IRecordFields? data = fields.GetObject("data");
        string? deviceId = data?.Get("deviceId");
        if (string.IsNullOrEmpty(deviceId))
        {
            problem = "the Event Grid event has no data.deviceId";
            return Outcome.Invalid;
        }

        // Event Grid carries no error code: a disconnect here is "some disconnect", attributed by timing only.
        record = new ConnectionRecord(time, deviceId!, operation) { ModuleId = NullIfEmpty(data!.Get("moduleId")), HasResult = false };
        return Outcome.Mapped;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
