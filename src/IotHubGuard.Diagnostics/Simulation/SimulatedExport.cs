namespace IotHubGuard.Diagnostics.Simulation;

/// <summary>The file shapes <see cref="LogExportWriter"/> writes: the ones users export from the hub.</summary>
public enum SimulatedExport
{
    /// <summary>Storage-account blob: one resource-log record per line, <c>properties</c> as a JSON string.</summary>
    StorageJsonLines = 0,

    /// <summary>One <c>{"records":[…]}</c> document (as delivered to Event Hubs).</summary>
    RecordsDocument = 1,

    /// <summary>Log Analytics JSON export of <c>AzureDiagnostics</c> (newest first, as the portal sorts).</summary>
    LogAnalyticsJson = 2,

    /// <summary>Log Analytics CSV export of <c>AzureDiagnostics</c> (newest first).</summary>
    LogAnalyticsCsv = 3,

    /// <summary>Event Grid <c>DeviceConnected</c>/<c>DeviceDisconnected</c> events (event grid schema, an array).</summary>
    EventGrid = 4,
}
