namespace IotHubGuard.Diagnostics;

/// <summary>The export shapes the reader recognises from a file's first bytes.</summary>
public enum LogFileShape
{
    /// <summary>Nothing recognisable (empty file).</summary>
    Unknown = 0,

    /// <summary>One JSON object per line: the storage-account blobs (<c>PT1H.json</c>), or Event Hubs captures of <c>{"records":[…]}</c>.</summary>
    JsonLines = 1,

    /// <summary>One JSON document <c>{"records":[…]}</c>, streamed record by record.</summary>
    RecordsDocument = 2,

    /// <summary>A JSON array: a Log Analytics JSON export or an Event Grid batch. Read whole and sorted by time.</summary>
    JsonArray = 3,

    /// <summary>A CSV export of the Log Analytics <c>AzureDiagnostics</c> table. Read whole and sorted by time.</summary>
    Csv = 4,
}
