using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using IotHubGuard.Diagnostics.Reading;

namespace IotHubGuard.Diagnostics;

/// <summary>
/// Reads IoT Hub Connections records from the files users export, whatever their shape (see <see cref="LogFileShape"/>).
/// Unusable lines are reported through the problem callback with file and line, and reading goes on.
/// Storage-account blobs are streamed; Log Analytics and Event Grid exports (bounded by the export) are read whole
/// and sorted by time, because Log Analytics exports newest first.
/// </summary>
public sealed class ConnectionLogReader
{
    private readonly Action<LogReadProblem> onProblem;

    /// <summary>Creates a reader that reports each unusable line to <paramref name="onProblem"/>.</summary>
    public ConnectionLogReader(Action<LogReadProblem>? onProblem = null)
    {
        this.onProblem = onProblem ?? (_ => { });
    }

    /// <summary>Records mapped so far.</summary>
    public long RecordsRead { get; private set; }

    /// <summary>Records of other categories or operations (not connects or disconnects), ignored.</summary>
    public long RecordsSkipped { get; private set; }

    /// <summary>Lines or records that could not be used (each one was reported).</summary>
    public long Problems { get; private set; }

    /// <summary>Bytes of input consumed so far (for progress).</summary>
    public long BytesRead => completedBytes + (currentStream?.CanSeek == true ? currentStream.Position : 0);

    private long completedBytes;
    private Stream? currentStream;

    /// <summary>
    /// The files to read for a list of files and folders: folders are searched recursively for <c>*.json</c>,
    /// <c>*.jsonl</c>, <c>*.ndjson</c>, <c>*.csv</c> and <c>*.log</c> files. The result is ordered by path, which for
    /// storage-account blobs (<c>y=/m=/d=/h=/m=00/PT1H.json</c>) is time order.
    /// </summary>
    public static IReadOnlyList<string> ExpandInputs(IEnumerable<string> filesOrFolders, Action<string>? onMissing = null)
    {
        var files = new List<string>();
        foreach (string input in filesOrFolders)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => IsLogFile(f))
                    .OrderBy(f => f, StringComparer.Ordinal));
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                onMissing?.Invoke(input);
            }
        }

        return files;
    }

    /// <summary>Reads one file.</summary>
    public IEnumerable<ConnectionRecord> ReadFile(string path)
    {
        using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            foreach (ConnectionRecord record in Read(stream, path))
            {
                yield return record;
            }
        }
    }

    /// <summary>Reads one stream; <paramref name="name"/> names it in problem reports.</summary>
    public IEnumerable<ConnectionRecord> Read(Stream stream, string name)
    {
        currentStream = stream;
        try
        {
            var peek = new PeekableStream(stream);
            LogFileShape shape = Detect(peek);
            IEnumerable<ConnectionRecord> records = shape switch
            {
                LogFileShape.JsonLines => ReadJsonLines(peek, name),
                LogFileShape.RecordsDocument => ReadDocument(peek, name),
                LogFileShape.JsonArray => SortByTime(ReadDocument(peek, name)),
                LogFileShape.Csv => SortByTime(ReadCsv(peek, name)),
                _ => Enumerable.Empty<ConnectionRecord>(),
            };

            foreach (ConnectionRecord record in records)
            {
                yield return record;
            }
        }
        finally
        {
            if (stream.CanSeek)
            {
                completedBytes += stream.Length;
            }

            currentStream = null;
        }
    }

    /// <summary>The shape of a stream, from its first bytes; the stream is rewound to its start.</summary>
    internal static LogFileShape Detect(PeekableStream stream)
    {
        byte[] head = stream.PeekHead(64 * 1024);
        int i = 0;
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            i = 3;
        }

        while (i < head.Length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        {
            i++;
        }

        if (i >= head.Length)
        {
            return LogFileShape.Unknown;
        }

        if (head[i] == '[')
        {
            return LogFileShape.JsonArray;
        }

        if (head[i] != '{')
        {
            return LogFileShape.Csv;
        }

        // A first line that is a whole JSON object means one object per line.
        int newline = Array.IndexOf(head, (byte)'\n', i);
        int end = newline < 0 ? head.Length : newline;
        try
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(head, i, end - i), isFinalBlock: true, state: default);
            if (reader.Read() && reader.TrySkip())
            {
                return LogFileShape.JsonLines;
            }
        }
        catch (JsonException)
        {
        }

        return LogFileShape.RecordsDocument;
    }

    private static bool IsLogFile(string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension == ".json" || extension == ".jsonl" || extension == ".ndjson" || extension == ".csv" || extension == ".log";
    }

    private static IEnumerable<ConnectionRecord> SortByTime(IEnumerable<ConnectionRecord> records)
    {
        // Log Analytics exports newest first: undo that, then a stable sort keeps the file order of equal times.
        List<ConnectionRecord> list = records.ToList();
        if (list.Count > 1 && list[0].Time > list[list.Count - 1].Time)
        {
            list.Reverse();
        }

        return list.OrderBy(r => r.Time);
    }

    private IEnumerable<ConnectionRecord> ReadJsonLines(Stream stream, string name)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        long lineNumber = 0;
        string? line;
        while ((line = text.ReadLine()) != null)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                Report(name, lineNumber, "not a JSON object (" + ShortMessage(ex) + ")" + (text.Peek() < 0 ? "; the last line looks truncated" : string.Empty));
                continue;
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && TryGetRecordsArray(root, out JsonElement records))
                {
                    foreach (JsonElement element in records.EnumerateArray())
                    {
                        if (TryMap(element, name, lineNumber, out ConnectionRecord? record))
                        {
                            yield return record!;
                        }
                    }
                }
                else if (TryMap(root, name, lineNumber, out ConnectionRecord? record))
                {
                    yield return record!;
                }
            }
        }
    }

    private IEnumerable<ConnectionRecord> ReadDocument(Stream stream, string name)
    {
        var streamer = new JsonArrayStreamer(stream, name, problem =>
        {
            Problems++;
            onProblem(problem);
        });
        foreach ((JsonDocument document, long line) in streamer.Elements())
        {
            using (document)
            {
                if (TryMap(document.RootElement, name, line, out ConnectionRecord? record))
                {
                    yield return record!;
                }
            }
        }

        if (streamer.FoundNoArray && stream.CanSeek)
        {
            // A single pretty-printed record rather than {"records":[…]}.
            stream.Position = 0;
            JsonDocument? single = null;
            try
            {
                single = JsonDocument.Parse(stream);
            }
            catch (JsonException ex)
            {
                Report(name, 0, "malformed JSON (" + ShortMessage(ex) + ")");
            }

            if (single != null)
            {
                using (single)
                {
                    if (TryMap(single.RootElement, name, 1, out ConnectionRecord? record))
                    {
                        yield return record!;
                    }
                }
            }
        }
    }

    private IEnumerable<ConnectionRecord> ReadCsv(Stream stream, string name)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var rows = new CsvRowReader(text);
        var values = new List<string>();
        if (!rows.TryReadRow(values, out _, out _))
        {
            yield break;
        }

        Dictionary<string, int> columns = CsvRecordFields.MapHeader(values);
        if (!columns.ContainsKey("OperationName") && !columns.ContainsKey("operationName"))
        {
            Report(name, 1, "the CSV header has no OperationName column; expected an export of the AzureDiagnostics table");
            yield break;
        }

        while (rows.TryReadRow(values, out long line, out bool unterminated))
        {
            if (values.Count == 1 && values[0].Length == 0)
            {
                continue;
            }

            if (unterminated)
            {
                Report(name, line, "the file ends inside a quoted field (truncated?)");
                yield break;
            }

            using var fields = new CsvRecordFields(columns, values);
            ConnectionRecord? record = MapAndReport(fields, name, line);
            if (record != null)
            {
                yield return record;
            }
        }
    }

    private static bool TryGetRecordsArray(JsonElement root, out JsonElement records)
    {
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.Name.Equals("records", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
            {
                records = property.Value;
                return true;
            }
        }

        records = default;
        return false;
    }

    private bool TryMap(JsonElement element, string name, long line, out ConnectionRecord? record)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(name, line, "expected a JSON object, found " + element.ValueKind);
            record = null;
            return false;
        }

        using var fields = new JsonRecordFields(element);
        record = MapAndReport(fields, name, line);
        return record != null;
    }

    private ConnectionRecord? MapAndReport(IRecordFields fields, string name, long line)
    {
        switch (RecordMapper.Map(fields, out ConnectionRecord? record, out string? problem))
        {
            case RecordMapper.Outcome.Mapped:
                record!.SourceFile = name;
                record.SourceLine = line;
                RecordsRead++;
                return record;
            case RecordMapper.Outcome.Skipped:
                RecordsSkipped++;
                return null;
            default:
                Report(name, line, problem ?? "unusable record");
                return null;
        }
    }

    private void Report(string name, long line, string message)
    {
        Problems++;
        onProblem(new LogReadProblem(name, line, message));
    }

    private static string ShortMessage(JsonException ex)
    {
        string message = ex.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message.Substring(0, cut).TrimEnd('.', ' ') : message;
    }
}
