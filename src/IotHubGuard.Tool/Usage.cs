namespace IotHubGuard.Tool;

internal static class Usage
{
    public const string Text = """
        iothubguard: find the cause of IoT Hub 404104 DeviceConnectionClosedRemotely in your hub's logs.

        Usage:
          iothubguard diagnose <files or folders>... [options]
          iothubguard diagnose --kql [threshold options]
          iothubguard simulate --out <file> [--devices N | --fleet Fault=N,...] [--hours H] [--seed N] [--shape S] [--max-records N]

        diagnose reads IoT Hub Connections resource logs: storage-account blobs (JSON lines, {"records":[...]}),
        Log Analytics AzureDiagnostics exports (JSON or CSV) and Event Grid DeviceConnected/DeviceDisconnected events.
        Folders are searched recursively for *.json, *.jsonl, *.ndjson, *.csv and *.log.

        Output:
          --format text|json|sarif|markdown   report format on stdout (default text)
          --output <file>                     write the report to a file instead of stdout
          --html <file>                       also write a self-contained HTML page (timelines, histogram)
          --kql                               print the attribution as Kusto queries over AzureDiagnostics
          --progress / --quiet                force / suppress progress on stderr (default: on for inputs > 20 MB)
          --max-problems <n>                  unusable lines listed on stderr (default 20; all are counted)

        Thresholds (defaults in brackets):
          --token-lifetime <min>              SAS token lifetime of the devices [60]
          --token-grace <min>                 how long after expiry the hub may still close [15]
          --companion-window <min>            401003/400027 this close to a 404104 belong to it [2]
          --burst-min-devices <n>             devices dropping in the same minute for a fleet-wide wall [10]
          --burst-min-fraction <f>            ... and this share of the connected devices [0.02]
          --never-reconnect-after <min>       no reconnect for this long means it never reconnected [30]
          --reorder-window <min>              how far out of time order records may arrive [10]
          --sdk-minimum-version <v>           C# SDK version below which AZIOT401 applies [1.42.0]

        simulate writes the logs of a fleet with known faults (Healthy, FixedToken, TokenExpiresEachLifetime,
        DuplicateIdentity, DeployWithoutClose, NoRecovery, OldSdk, HubTransient, FlakyNetwork) in a shape:
        storage (default), records, la-json, la-csv or eventgrid.

        Exit codes: 0 no 404104 to attribute (or --kql/simulate done), 1 404104 disconnects attributed,
                    2 bad command line, 3 no usable input record.

        """;
}
